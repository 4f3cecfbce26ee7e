/**
 * Per-bar marks drawn as Plot render functions: one `<path>` per colour and part (wicks,
 * bodies), one subpath per bar, so a 2,520-bar chart stays a handful of elements.
 *
 * @module
 */
import type { RenderFunction } from "@observablehq/plot";
import type { Candle } from "@trading/shared/schemas";
import { el, r2 } from "../dom.ts";

type Scale = (v: number) => number;

function scalesOf(scales: unknown): { x: Scale; y: Scale } {
  const s = scales as { x: Scale; y: Scale };
  return { x: s.x, y: s.y };
}

function barWidth(x: Scale, fraction: number): number {
  return Math.max(0.5, Math.abs(x(1) - x(0)) * fraction);
}

/**
 * Candles: wicks as stroked lines, bodies as filled rectangles, up (close ≥ open) and down in
 * their colours. Classes: `candle-wicks up|down`, `candle-bodies up|down` (one subpath per bar).
 */
export function candlesMark(bars: readonly Candle[], up: string, down: string): RenderFunction {
  return function renderCandles(_index, scales) {
    const { x, y } = scalesOf(scales);
    const w = barWidth(x, 0.7);
    const wick = { up: [] as string[], down: [] as string[] };
    const body = { up: [] as string[], down: [] as string[] };
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i]!;
      const side = b.close >= b.open ? "up" : "down";
      const cx = r2(x(i));
      wick[side].push(`M${cx} ${r2(y(b.high))}V${r2(y(b.low))}`);
      const top = y(Math.max(b.open, b.close));
      const h = Math.max(1, y(Math.min(b.open, b.close)) - top);
      body[side].push(`M${r2(cx - w / 2)} ${r2(top)}h${r2(w)}v${r2(h)}h${r2(-w)}Z`);
    }
    const g = el("g", { "aria-label": "candles" });
    for (const side of ["up", "down"] as const) {
      const color = side === "up" ? up : down;
      g.append(el("path", {
        class: `candle-wicks ${side}`,
        d: wick[side].join("") || "M0 0",
        stroke: color,
        "stroke-width": w < 2 ? 0.6 : 1,
        fill: "none",
      }));
      g.append(
        el("path", {
          class: `candle-bodies ${side}`,
          d: body[side].join("") || "M0 0",
          fill: color,
        }),
      );
    }
    return g as unknown as SVGElement;
  };
}

/** OHLC bars: a vertical high-low line, a left tick at the open and a right tick at the close. */
export function ohlcMark(bars: readonly Candle[], up: string, down: string): RenderFunction {
  return function renderOhlc(_index, scales) {
    const { x, y } = scalesOf(scales);
    const t = barWidth(x, 0.4);
    const d = { up: [] as string[], down: [] as string[] };
    for (let i = 0; i < bars.length; i++) {
      const b = bars[i]!;
      const cx = r2(x(i));
      d[b.close >= b.open ? "up" : "down"].push(
        `M${cx} ${r2(y(b.high))}V${r2(y(b.low))}M${r2(cx - t)} ${r2(y(b.open))}H${cx}M${cx} ${
          r2(y(b.close))
        }H${r2(cx + t)}`,
      );
    }
    const g = el("g", { "aria-label": "ohlc" });
    for (const side of ["up", "down"] as const) {
      g.append(el("path", {
        class: `ohlc-bars ${side}`,
        d: d[side].join("") || "M0 0",
        stroke: side === "up" ? up : down,
        "stroke-width": t < 1 ? 0.6 : 1.2,
        fill: "none",
      }));
    }
    return g as unknown as SVGElement;
  };
}

/**
 * Vertical bars from `base` to each value (volume, MACD histogram), coloured by `sideOf(i)`.
 * Null values draw nothing.
 */
export function columnsMark(
  values: readonly (number | null)[],
  sideOf: (i: number) => "up" | "down",
  { up, down, opacity = 1, base = 0, className = "columns" }: {
    up: string;
    down: string;
    opacity?: number;
    base?: number;
    className?: string;
  },
): RenderFunction {
  return function renderColumns(_index, scales) {
    const { x, y } = scalesOf(scales);
    const w = barWidth(x, 0.7);
    const y0 = y(base);
    const d = { up: [] as string[], down: [] as string[] };
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null || v === undefined || !Number.isFinite(v)) continue;
      const yv = y(v);
      const top = Math.min(yv, y0);
      const h = Math.max(0.5, Math.abs(yv - y0));
      d[sideOf(i)].push(`M${r2(x(i) - w / 2)} ${r2(top)}h${r2(w)}v${r2(h)}h${r2(-w)}Z`);
    }
    const g = el("g", { "aria-label": className });
    for (const side of ["up", "down"] as const) {
      g.append(el("path", {
        class: `${className} ${side}`,
        d: d[side].join("") || "M0 0",
        fill: side === "up" ? up : down,
        "fill-opacity": opacity,
      }));
    }
    return g as unknown as SVGElement;
  };
}
