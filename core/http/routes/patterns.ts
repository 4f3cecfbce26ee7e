import { z } from "zod";
import { routeGroup, validate } from "@trading/shared/http";
import {
  CANDLE_KIND_NAMES,
  PATTERNS_RESPONSE_EXAMPLE,
  PatternsQuerySchema,
  type PatternsResponse,
  PatternsResponseSchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import { rangeIndices } from "../../market_data/series.ts";
import { loadBars } from "../../timeframes/load_bars.ts";
import { type PatternScan, patternsInRange, scanPatterns } from "../../patterns/mod.ts";
import { levelToWire, patternToWire } from "../../patterns/wire.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });
const CANDLE_KINDS: ReadonlySet<string> = new Set(CANDLE_KIND_NAMES);

/** Scans kept per (symbol, data version, range end); a scan serves every range ending there. */
const SCAN_CACHE_SIZE = 32;

/** Chart and candlestick patterns with levels. */
export const patternsRoutes = routeGroup(
  (deps: CoreDeps) => {
    const scans = new Map<string, PatternScan>();
    const scanOf = (
      symbol: string,
      version: string,
      s: Parameters<typeof scanPatterns>[0],
      end: number,
    ) => {
      const key = `${symbol}\u0000${version}\u0000${end}`;
      let scan = scans.get(key);
      if (scan) scans.delete(key);
      else scan = scanPatterns(s, end);
      scans.set(key, scan);
      if (scans.size > SCAN_CACHE_SIZE) scans.delete(scans.keys().next().value!);
      return scan;
    };
    return { deps, scans, scanOf };
  },
  [
    {
      method: "get",
      path: "/api/symbols/{symbol}/patterns",
      paramsExample: { symbol: "AAPL" },
      queryExample: { from: "2018-01-02", to: "2018-05-11", candles: "1" },
      responseExample: PATTERNS_RESPONSE_EXAMPLE,
      summary:
        "Chart patterns (pivots, breakout, measured-move target, confidence with criteria), " +
        "candlestick patterns (candles=1) and support/resistance levels, detected on the history " +
        "up to `to` at `interval` and reported within from..to",
      tag: "analysis",
      params: SymbolPath,
      query: PatternsQuerySchema,
      response: PatternsResponseSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps, scanOf }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const q = validate(PatternsQuerySchema, c.req.query(), "query");
        const s = await loadBars(deps, symbol, q.interval);
        const { start, end } = rangeIndices(s, q);
        const scan = scanOf(symbol, `${q.interval}\u0000${s.version}`, s, end);
        const candles = q.candles ?? (q.kinds?.some((k) => CANDLE_KINDS.has(k)) ?? false);
        const found = patternsInRange(s, scan, {
          start,
          kinds: q.kinds,
          candles,
          minConfidence: q.min_confidence,
        });
        const body: PatternsResponse = {
          symbol,
          from: end > start ? s.dates[start]! : null,
          to: end > start ? s.dates[end - 1]! : null,
          patterns: found.patterns.map(patternToWire),
          candlesticks: found.candlesticks,
          levels: found.levels.map(levelToWire),
          interval: q.interval,
        };
        return c.json(body);
      },
    },
  ],
);
