/**
 * The analysis terms of a rule over one symbol's bars: confirmed chart patterns, candlestick
 * patterns, signals and the composite score, each read from core/patterns and core/signals
 * (each of which reads no bar after the one it reports). Private to core/rules.
 *
 * @module
 */
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { detectCandlestickPatterns } from "../patterns/candlesticks.ts";
import { detectChartPatterns } from "../patterns/detect_chart_patterns.ts";
import type { CandleKind, ChartPatternKind } from "../patterns/types.ts";
import { compositeScoreSeries, generateSignals } from "../signals/mod.ts";
import type { IndicatorCache } from "../indicators/indicator_cache.ts";
import { marks } from "./kernels.ts";
import type { Node } from "./nodes.ts";

type Term = Extract<Node, { op: "pattern" | "candle" | "signal" | "score" }>;

/** Values of an analysis term (a condition, or the score series). */
export function termValues(
  node: Term,
  cols: Cols,
  cache: IndicatorCache,
): Uint8Array | Float64Array {
  const n = cols.close.length;
  switch (node.op) {
    case "pattern": {
      const kind = node.pattern as ChartPatternKind;
      const found = cache.get(
        `rule:scan:pattern:${kind}`,
        () => detectChartPatterns(cols, { kinds: [kind] }),
      );
      const hits = found.filter((m) => m.confirmed && m.confidence >= node.minConfidence);
      return marks(hits.map((m) => m.endIndex), n, node.within);
    }
    case "candle": {
      const kind = node.candle as CandleKind;
      const found = cache.get(
        `rule:scan:candle:${kind}`,
        () => detectCandlestickPatterns(cols, { kinds: [kind] }),
      );
      return marks(found.map((m) => m.index), n, node.within);
    }
    case "signal": {
      const all = cache.get("rule:scan:signals", () => generateSignals(cols));
      const s = node.signal;
      const hits = all.filter((x) => x.name === s || x.name.startsWith(`${s}_`) || x.type === s);
      return marks(hits.map((x) => x.index), n, node.within);
    }
    case "score":
      return cache.get("rule:scan:score", () => compositeScoreSeries(cols));
  }
}
