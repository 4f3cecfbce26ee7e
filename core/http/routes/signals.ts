import { rateLimit } from "../../auth/rate_limit.ts";
import { aiHook } from "../../ai/mod.ts";
import { patternsSummary } from "../../analysis/patterns_summary.ts";
import { z } from "zod";
import { Lru } from "@trading/shared/lru";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import { ValidationError } from "@trading/shared/errors";
import {
  ANALYZE_REQUEST_EXAMPLE,
  ANALYZE_RESPONSE_EXAMPLE,
  AnalyzeRequestSchema,
  AnalyzeResponseSchema,
  SIGNALS_RESPONSE_EXAMPLE,
  SignalsQuerySchema,
  SignalsResponseSchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import { type AnalysisResult, analyzeSeries } from "../../analysis/analyze.ts";
import { rangeIndices } from "../../market_data/series.ts";
import {
  compositeScore,
  computeSignalInputs,
  generateSignals,
  type Signal,
} from "../../signals/mod.ts";
import type { CoreDeps } from "../../deps.ts";
import { freshness } from "../../market_data/freshness.ts";
import { marketOf } from "../../calendars/calendar.ts";
import { lastStoredDay, loadBars } from "../../timeframes/load_bars.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });

/** Hook the AI issue plugs in: fills `ai_analysis` when the request asks for it. */
export type AiHook = (
  deps: CoreDeps,
  analysis: AnalysisResult,
  language: string,
  c: unknown,
) => Promise<unknown>;

/** Signals of a symbol, and `/analyze`. */
/** What `/analyze` adds from other modules (default: core/ai's analysis, the patterns summary). */
export interface SignalHooks {
  /** The AI analysis of the symbol. */
  ai?: AiHook;
  /** The chart-pattern summary over a range. */
  patterns?: (cols: Parameters<typeof generateSignals>[0], start: number, end: number) => unknown;
}

export const signalsRoutes = routeGroup(
  (deps: CoreDeps & { signalHooks?: SignalHooks }) => {
    const { ai, patterns } = deps.signalHooks ?? { ai: aiHook, patterns: patternsSummary };
    const signalCache = new Lru<
      { signals: Signal[]; inputs: ReturnType<typeof computeSignalInputs> }
    >({ maxEntries: 64 });
    const analysisCache = new Lru<{ analysis: AnalysisResult; json: string }>({ maxEntries: 256 });
    return { deps, ai, patterns, signalCache, analysisCache };
  },
  [
    {
      method: "get",
      path: "/api/symbols/{symbol}/signals",
      paramsExample: { symbol: "AAPL" },
      queryExample: { from: "2018-04-02", to: "2018-05-11" },
      responseExample: SIGNALS_RESPONSE_EXAMPLE,
      summary:
        "Signals of the technical and analyst rules in a range (at `interval`), and the composite " +
        "score at its last bar",
      tag: "analysis",
      params: SymbolPath,
      query: SignalsQuerySchema,
      response: SignalsResponseSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps, signalCache }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const q = validate(SignalsQuerySchema, c.req.query(), "query");
        const s = await loadBars(deps, symbol, q.interval);
        const key = `${symbol}:${q.interval}:${s.version}`;
        let entry = signalCache.get(key);
        if (!entry) {
          const inputs = computeSignalInputs(s);
          entry = { inputs, signals: generateSignals(s, { inputs }) };
          signalCache.set(key, entry);
        }
        const { start, end } = rangeIndices(s, q);
        if (end <= start) {
          throw new ValidationError("No bars in the requested range", [{
            field: "from",
            message: `no bars between ${q.from ?? "the start"} and ${q.to ?? "the end"}`,
          }]);
        }
        const signals = entry.signals.filter((x) =>
          x.index >= start && x.index < end && (q.family === "all" || x.family === q.family) &&
          (q.type === "all" || x.type === q.type)
        );
        const score = compositeScore(s, {
          at: end - 1,
          inputs: entry.inputs,
          signals: entry.signals,
        });
        return c.json({
          symbol,
          from: s.dates[start] ?? null,
          to: s.dates[end - 1] ?? null,
          signals,
          score,
          interval: q.interval,
        });
      },
    },
    {
      method: "post",
      path: "/analyze/{symbol}",
      paramsExample: { symbol: "AAPL" },
      example: ANALYZE_REQUEST_EXAMPLE,
      responseExample: ANALYZE_RESPONSE_EXAMPLE,
      summary:
        "Everything a trader needs in one answer: price, indicators, patterns, signals, score (and the AI view when asked)",
      tag: "analysis",
      params: SymbolPath,
      body: AnalyzeRequestSchema,
      response: AnalyzeResponseSchema,
      errors: [404, 422],
      access: "public",
      use: [rateLimit({ key: "ai", limit: 30, windowS: 60 })],
      scope: "ai",
      handler: async (c, { deps, ai, patterns, analysisCache }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const body = validate(AnalyzeRequestSchema, await readJson(c.req), "body");
        const s = await loadBars(deps, symbol, body.interval);
        if (s.close.length === 0) {
          throw new ValidationError(`No bars stored for ${symbol}`, [{
            field: "symbol",
            message: "no data",
          }]);
        }
        const fresh = freshness(marketOf(symbol), await lastStoredDay(deps, s), deps.now());
        const key = `${symbol}:${body.interval}:${s.version}:${body.period}:` +
          `${body.include_patterns}:${fresh.last_session}`;
        let cached = analysisCache.get(key);
        if (!cached) {
          const analysis = analyzeSeries({
            symbol,
            market: s.market ?? "US",
            cols: s,
            period: body.period,
            ...(body.include_patterns && patterns ? { patterns } : {}),
          });
          const withFreshness = {
            ...analysis,
            interval: body.interval,
            ...(s.partial ? { partial: true } : {}),
            as_of: fresh.as_of,
            stale: fresh.stale,
          };
          cached = {
            analysis: withFreshness,
            json: JSON.stringify({ ...withFreshness, ai_analysis: null }),
          };
          analysisCache.set(key, cached);
        }
        if (!(body.include_ai && ai)) {
          return c.body(cached.json, 200, { "content-type": "application/json; charset=UTF-8" });
        }
        const aiAnalysis = await ai(deps, cached.analysis, body.language, c);
        return c.json({ ...cached.analysis, ai_analysis: aiAnalysis });
      },
    },
  ],
);
