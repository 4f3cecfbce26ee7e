/**
 * The lower panes (volume, RSI, MACD, stochastic): their marks, y domains and labels.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { Candle, ChartLang, ChartPane } from "@trading/shared/schemas";
import type { Theme } from "../themes/theme.ts";
import { formatCompact } from "./format.ts";
import { label } from "./i18n.ts";
import { columnsMark } from "./marks/bars.ts";
import { lineMark } from "./marks/lines.ts";

type Series = Readonly<Record<string, readonly (number | null)[]>>;

/** What a lower pane needs from {@link plotPane}, plus its label. */
export interface LowerPane {
  /** Pane name (CSS class). */
  name: string;
  /** y domain. */
  yDomain: [number, number];
  /** Marks. */
  marks: Plot.Markish[];
  /** Fixed y ticks. */
  yTickValues?: number[];
  /** y tick format. */
  yFormat?: (v: number) => string;
  /** Label parts. */
  label: { text: string; color: string }[];
}

function last(values: readonly (number | null)[] | undefined): number | null {
  if (!values) return null;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v !== null && v !== undefined && Number.isFinite(v)) return v;
  }
  return null;
}

function fmt(v: number | null, digits = 2): string {
  return v === null ? "—" : v.toFixed(digits);
}

function extent(arrays: readonly (readonly (number | null)[] | undefined)[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const a of arrays) {
    for (const v of a ?? []) {
      if (v === null || !Number.isFinite(v)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : [-1, 1];
}

/**
 * Builds a lower pane, or returns the missing series keys when the data lacks them.
 */
export function lowerPane(
  pane: ChartPane,
  candles: readonly Candle[],
  series: Series,
  theme: Theme,
  lang: ChartLang,
): LowerPane | { missing: string } {
  const dash = "4 3";
  switch (pane.type) {
    case "volume": {
      const vols = candles.map((c) => c.volume);
      const max = Math.max(1, ...vols);
      return {
        name: "volume",
        yDomain: [0, max * 1.1],
        yFormat: formatCompact,
        yTickValues: [max / 2, max].map((v) => Number(v.toPrecision(2))),
        marks: [
          columnsMark(vols, (i) => (candles[i]!.close >= candles[i]!.open ? "up" : "down"), {
            up: theme.up,
            down: theme.down,
            opacity: theme.volumeOpacity,
            className: "volume-bars",
          }),
        ],
        label: [{
          text: `${label("volume", lang)} ${formatCompact(candles[candles.length - 1]!.volume)}`,
          color: theme.text,
        }],
      };
    }
    case "rsi": {
      const rsi = series["rsi"];
      if (!rsi) return { missing: `${label("rsi", lang)} ${pane.period}` };
      return {
        name: "rsi",
        yDomain: [0, 100],
        yTickValues: [30, 50, 70],
        marks: [
          Plot.ruleY([30, 70], { stroke: theme.axis, strokeDasharray: dash }),
          lineMark(rsi, { stroke: theme.lines[2]!, className: "rsi-line" }),
        ],
        label: [{
          text: `${label("rsi", lang)} ${pane.period} ${fmt(last(rsi))}`,
          color: theme.lines[2]!,
        }],
      };
    }
    case "macd": {
      const m = series["macd.macd"];
      const s = series["macd.signal"];
      const h = series["macd.histogram"];
      if (!m || !s || !h) {
        return { missing: `${label("macd", lang)} ${pane.fast} ${pane.slow} ${pane.signal}` };
      }
      const [lo, hi] = extent([m, s, h]);
      const a = Math.max(Math.abs(lo), Math.abs(hi)) * 1.1 || 1;
      return {
        name: "macd",
        yDomain: [-a, a],
        marks: [
          Plot.ruleY([0], { stroke: theme.axis }),
          columnsMark(h, (i) => ((h[i] ?? 0) >= 0 ? "up" : "down"), {
            up: theme.up,
            down: theme.down,
            opacity: 0.6,
            className: "macd-histogram",
          }),
          lineMark(m, { stroke: theme.lines[1]!, className: "macd-line" }),
          lineMark(s, { stroke: theme.lines[3]!, className: "macd-signal" }),
        ],
        label: [
          {
            text: `${label("macd", lang)} ${pane.fast} ${pane.slow} ${pane.signal}`,
            color: theme.text,
          },
          { text: fmt(last(m)), color: theme.lines[1]! },
          { text: `${label("signal", lang)} ${fmt(last(s))}`, color: theme.lines[3]! },
        ],
      };
    }
    case "stochastic": {
      const k = series["stoch.k"];
      const d = series["stoch.d"];
      if (!k || !d) return { missing: `${label("stochastic", lang)} ${pane.k} ${pane.d}` };
      return {
        name: "stochastic",
        yDomain: [0, 100],
        yTickValues: [20, 50, 80],
        marks: [
          Plot.ruleY([20, 80], { stroke: theme.axis, strokeDasharray: dash }),
          lineMark(k, { stroke: theme.lines[1]!, className: "stoch-k" }),
          lineMark(d, { stroke: theme.lines[3]!, className: "stoch-d" }),
        ],
        label: [
          { text: `${label("stochastic", lang)} ${pane.k} ${pane.d}`, color: theme.text },
          { text: `%K ${fmt(last(k))}`, color: theme.lines[1]! },
          { text: `%D ${fmt(last(d))}`, color: theme.lines[3]! },
        ],
      };
    }
  }
}
