import type { Lru } from "@trading/shared/lru";
import { z } from "zod";
import { type FieldIssue, ValidationError } from "@trading/shared/errors";
import { routeGroup, validate } from "@trading/shared/http";
import {
  IndicatorCatalogSchema,
  type IndicatorMeta,
  INDICATORS_RESPONSE_EXAMPLE,
  IndicatorsQuerySchema,
  IndicatorsResponseSchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import {
  indicatorCache,
  type IndicatorOutputs,
  type IndicatorRequest,
  INDICATORS,
  outputKey,
  parseIndicatorToken,
  toJsonArray,
} from "../../indicators/mod.ts";
import { rangeIndices, type Series } from "../../market_data/series.ts";
import { loadBars } from "../../timeframes/load_bars.ts";

/** Most indicators one request may ask for. */
export const MAX_INDICATORS_PER_REQUEST = 20;

const SymbolPath = z.object({ symbol: SymbolParamSchema });

const CATALOG = {
  indicators: Object.values(INDICATORS).map((s) => ({
    name: s.name,
    aliases: [...s.aliases],
    description: s.description,
    params: s.params.map((p) => ({ ...p })),
    outputs: [...s.outputs],
  })),
};

function paramsId(r: IndicatorRequest): string {
  return r.spec.params.map((p) => r.params[p.name]).join(":");
}

/** Parses `names` into distinct requests; every bad token becomes one 422 issue. */
function parseNames(names: string): IndicatorRequest[] {
  const tokens = names.split(",").map((t) => t.trim()).filter((t) => t !== "");
  if (tokens.length > MAX_INDICATORS_PER_REQUEST) {
    const message = `names lists ${tokens.length} indicators; at most ` +
      `${MAX_INDICATORS_PER_REQUEST} per request`;
    throw new ValidationError(`Invalid query: ${message}`, [{ field: "names", message }]);
  }
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  const out: IndicatorRequest[] = [];
  for (const token of tokens) {
    try {
      const r = parseIndicatorToken(token);
      const id = `${r.spec.name}:${paramsId(r)}`;
      if (!seen.has(id)) out.push(r);
      seen.add(id);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      issues.push({ field: "names", message: `${token}: ${e.message}` });
    }
  }
  if (tokens.length === 0) {
    issues.push({ field: "names", message: "names must list at least one indicator, e.g. rsi" });
  }
  if (issues.length) {
    throw new ValidationError(
      `Invalid query: ${issues.map((i) => i.message).join("; ")}`,
      issues,
    );
  }
  return out;
}

/** Throws 422 when the range is empty or ends before an indicator's first value. */
function checkRange(
  s: Series,
  symbol: string,
  start: number,
  end: number,
  reqs: IndicatorRequest[],
) {
  const extent = s.dates.length
    ? `${symbol} has ${s.dates.length} bars from ${s.dates[0]} to ${s.dates.at(-1)}`
    : `${symbol} has no bars`;
  if (start >= end) {
    const message = `no bars in the requested range; ${extent}`;
    throw new ValidationError(`Invalid query: ${message}`, [{ field: "from", message }]);
  }
  const issues: FieldIssue[] = [];
  for (const r of reqs) {
    const needed = r.spec.warmup(r.params) + 1;
    if (end < needed) {
      const token = [r.spec.name, ...r.spec.params.map((p) => r.params[p.name])].join(":");
      issues.push({
        field: "names",
        message: `${token} needs at least ${needed} bars of history up to the end of the ` +
          `range (its warm-up) but there are ${end} up to ${s.dates[end - 1]}; ${extent}. ` +
          `Use a later range or a shorter period.`,
      });
    }
  }
  if (issues.length) {
    throw new ValidationError(`Invalid query: ${issues.map((i) => i.message).join("; ")}`, issues);
  }
}

/**
 * Indicators over a symbol's stored history. Computed arrays are cached per (symbol, data
 * version, indicator, parameters) in a bounded LRU, so repeated requests only slice and encode.
 */
export const indicatorsRoutes = routeGroup(
  (deps: CoreDeps & { indicatorCache?: Lru<IndicatorOutputs> }) => {
    const cache = deps.indicatorCache ?? indicatorCache();
    return { deps, cache };
  },
  [
    {
      method: "get",
      path: "/api/indicators",
      summary: "Every indicator accepted by name, with parameters, defaults, bounds and outputs",
      tag: "analysis",
      response: IndicatorCatalogSchema,
      access: "public",
      scope: "read",
      handler: (c) => c.json(CATALOG),
    },
    {
      method: "get",
      path: "/api/symbols/{symbol}/indicators",
      paramsExample: { symbol: "AAPL" },
      queryExample: { names: "rsi,sma:50", from: "2018-05-10", to: "2018-05-11" },
      responseExample: INDICATORS_RESPONSE_EXAMPLE,
      summary: "Indicators of a symbol over its whole history (or from..to) at `interval`, " +
        "warm-up from earlier bars; e.g. ?names=rsi,macd,sma:50,bollinger:20:2",
      tag: "analysis",
      params: SymbolPath,
      query: IndicatorsQuerySchema,
      response: IndicatorsResponseSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps, cache }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const q = validate(IndicatorsQuerySchema, c.req.query(), "query");
        const reqs = parseNames(q.names);
        const s = await loadBars(deps, symbol, q.interval);
        const { start, end } = rangeIndices(s, q);
        checkRange(s, symbol, start, end, reqs);
        const series: Record<string, (number | null)[]> = {};
        const indicators: IndicatorMeta[] = [];
        for (const r of reqs) {
          const key = `${symbol}|${q.interval}|${s.version}|${s.dates.length}|${r.spec.name}|${
            paramsId(r)
          }`;
          const computed = cache.getOrCompute(key, () => r.spec.compute(r.params, s));
          const outputs: string[] = [];
          for (const o of r.spec.outputs) {
            const k = outputKey(r, o);
            series[k] = toJsonArray(computed[o]!.subarray(start, end));
            outputs.push(k);
          }
          indicators.push({ name: r.spec.name, params: { ...r.params }, outputs });
        }
        return c.json({
          symbol,
          from: s.dates[start]!,
          to: s.dates[end - 1]!,
          dates: s.dates.slice(start, end),
          series,
          indicators,
          interval: q.interval,
          partial: s.partial && end === s.dates.length,
        });
      },
    },
  ],
);
