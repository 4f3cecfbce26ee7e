/**
 * Annotation marks on the price pane: support/resistance levels, pattern outlines with their
 * measured-move targets, buy/sell markers and the last-price label.
 *
 * @module
 */
import type { RenderFunction } from "@observablehq/plot";
import type {
  Candle,
  ChartLang,
  ChartLevel,
  ChartMarker,
  ChartPattern,
} from "@trading/shared/schemas";
import type { Theme } from "../../themes/theme.ts";
import { el, r2 } from "../dom.ts";
import { label, patternName } from "../i18n.ts";
import { formatPrice } from "../format.ts";

type Scale = (v: number) => number;
interface Dims {
  width: number;
  marginLeft: number;
  marginRight: number;
}

function ctx(scales: unknown, dims: unknown) {
  const { x, y } = scales as { x: Scale; y: Scale };
  const d = dims as Dims;
  return { x, y, left: d.marginLeft, right: d.width - d.marginRight };
}

/** Horizontal support/resistance lines with a small label at the left. */
export function levelsMark(
  levels: readonly ChartLevel[],
  theme: Theme,
  lang: ChartLang,
): RenderFunction {
  return function renderLevels(_i, scales, _v, dims) {
    const { y, left, right } = ctx(scales, dims);
    const g = el("g", { "aria-label": "levels", "text-anchor": "start" });
    for (const lv of levels) {
      const isSupport = /support/i.test(lv.kind);
      const color = isSupport ? theme.support : theme.resistance;
      const yy = r2(y(lv.price));
      g.append(el("path", {
        class: `level ${isSupport ? "support" : "resistance"}`,
        d: `M${left} ${yy}H${right}`,
        stroke: color,
        "stroke-dasharray": "6 3",
        "stroke-width": 1,
      }));
      g.append(
        el(
          "text",
          { x: left + 4, y: yy - 3, fill: color, "font-size": 10 },
          `${label(isSupport ? "support" : "resistance", lang)} ${formatPrice(lv.price)}`,
        ),
      );
    }
    return g as unknown as SVGElement;
  };
}

function indexResolver(p: ChartPattern, indexOf: ReadonlyMap<string, number>) {
  const withBoth = p.pivots.find((v) => v.index !== undefined && indexOf.has(v.date));
  const offset = withBoth ? indexOf.get(withBoth.date)! - withBoth.index! : undefined;
  return (pt: { index?: number | undefined; date?: string | undefined }): number | undefined => {
    if (pt.date !== undefined) return indexOf.get(pt.date);
    if (pt.index !== undefined && offset !== undefined) return pt.index + offset;
    return undefined;
  };
}

/**
 * Pattern outlines: a polyline through the pivots, the pattern's lines, the breakout level and
 * the measured-move target, labelled. Pivots are placed by date, so patterns computed on a
 * longer history line up with the bars shown.
 */
export function patternsMark(
  patterns: readonly ChartPattern[],
  candles: readonly Candle[],
  theme: Theme,
  lang: ChartLang,
): RenderFunction {
  const indexOf = new Map(candles.map((c, i) => [c.date, i]));
  return function renderPatterns(_i, scales, _v, dims) {
    const { x, y, right } = ctx(scales, dims);
    const g = el("g", { "aria-label": "patterns" });
    for (const p of patterns) {
      const at = indexResolver(p, indexOf);
      const pts = p.pivots.map((v) => ({ i: at(v), price: v.price })).filter((v) =>
        v.i !== undefined
      ) as {
        i: number;
        price: number;
      }[];
      if (pts.length < 2) continue;
      const pg = el("g", { class: "pattern", "data-kind": p.kind });
      pg.append(el("path", {
        class: "pattern-outline",
        d: pts.map((v, k) => `${k ? "L" : "M"}${r2(x(v.i))} ${r2(y(v.price))}`).join(""),
        fill: "none",
        stroke: theme.pattern,
        "stroke-width": 1.6,
      }));
      for (const ln of p.lines ?? []) {
        const a = at(ln.from);
        const b = at(ln.to);
        if (a === undefined || b === undefined) continue;
        pg.append(el("path", {
          class: "pattern-line",
          d: `M${r2(x(a))} ${r2(y(ln.from.price))}L${r2(x(b))} ${r2(y(ln.to.price))}`,
          stroke: theme.pattern,
          "stroke-dasharray": "4 3",
          "stroke-width": 1,
        }));
      }
      const end = pts[pts.length - 1]!.i;
      const span = Math.max(5, end - pts[0]!.i);
      const xEnd = Math.min(right, x(end + span / 2));
      if (p.breakout_level !== null && p.breakout_level !== undefined) {
        pg.append(el("path", {
          class: "pattern-breakout",
          d: `M${r2(x(pts[0]!.i))} ${r2(y(p.breakout_level))}H${r2(xEnd)}`,
          stroke: theme.pattern,
          "stroke-dasharray": "2 2",
          "stroke-width": 1,
        }));
      }
      if (p.target !== null && p.target !== undefined) {
        const from = p.breakout_level ?? pts[pts.length - 1]!.price;
        const yt = r2(y(p.target));
        pg.append(el("path", {
          class: "pattern-target",
          d: `M${r2(x(end))} ${r2(y(from))}V${yt}M${r2(x(end))} ${yt}H${r2(xEnd)}`,
          stroke: theme.target,
          "stroke-dasharray": "3 2",
          "stroke-width": 1.2,
          fill: "none",
        }));
        pg.append(
          el("text", {
            x: r2(xEnd),
            y: yt - 3,
            fill: theme.target,
            "text-anchor": "end",
            "font-size": 10,
          }, `${label("target", lang)} ${formatPrice(p.target)}`),
        );
      }
      const bullish = /bull|bottom|inverse|up|falling_wedge/i.test(
        `${p.direction ?? ""} ${p.kind}`,
      );
      const extreme = bullish
        ? Math.min(...pts.map((v) => v.price))
        : Math.max(...pts.map((v) => v.price));
      const mid = (pts[0]!.i + end) / 2;
      pg.append(el("text", {
        class: "pattern-label",
        x: r2(x(mid)),
        y: r2(y(extreme) + (bullish ? 14 : -6)),
        fill: theme.pattern,
        "text-anchor": "middle",
        "font-size": 11,
        "font-weight": "bold",
      }, patternName(p.kind, lang)));
      g.append(pg);
    }
    return g as unknown as SVGElement;
  };
}

/** Buy (▲ under the low) and sell (▼ over the high) markers, one subpath per marker. */
export function markersMark(
  markers: readonly ChartMarker[],
  candles: readonly Candle[],
  theme: Theme,
): RenderFunction {
  const indexOf = new Map(candles.map((c, i) => [c.date, i]));
  return function renderMarkers(_i, scales) {
    const { x, y } = ctx(scales, { width: 0, marginLeft: 0, marginRight: 0 });
    const s = Math.max(3, Math.min(6, Math.abs(x(1) - x(0)) * 0.8));
    const d = { buy: [] as string[], sell: [] as string[] };
    for (const m of markers) {
      const i = indexOf.get(m.date);
      if (i === undefined) continue;
      const c = candles[i]!;
      const cx = r2(x(i));
      if (m.type === "buy") {
        const top = r2(y(c.low) + 4);
        d.buy.push(`M${cx} ${top}l${s} ${r2(s * 1.6)}h${-2 * s}Z`);
      } else {
        const bottom = r2(y(c.high) - 4);
        d.sell.push(`M${cx} ${bottom}l${s} ${r2(-s * 1.6)}h${-2 * s}Z`);
      }
    }
    const g = el("g", { "aria-label": "markers" });
    g.append(el("path", { class: "marker buy", d: d.buy.join("") || "M0 0", fill: theme.buy }));
    g.append(el("path", { class: "marker sell", d: d.sell.join("") || "M0 0", fill: theme.sell }));
    return g as unknown as SVGElement;
  };
}

/** A dashed line at the last close and a coloured price label in the right margin. */
export function lastPriceMark(candles: readonly Candle[], theme: Theme): RenderFunction {
  return function renderLastPrice(_i, scales, _v, dims) {
    const { y, left, right } = ctx(scales, dims);
    const last = candles[candles.length - 1]!;
    const prev = candles[candles.length - 2];
    const color = !prev || last.close >= prev.close ? theme.up : theme.down;
    const yy = r2(y(last.close));
    const text = formatPrice(last.close);
    const g = el("g", { class: "last-price", "aria-label": "last price", "text-anchor": "start" });
    g.append(
      el("path", {
        d: `M${left} ${yy}H${right}`,
        stroke: color,
        "stroke-dasharray": "2 2",
        "stroke-width": 1,
      }),
    );
    g.append(
      el("rect", {
        x: right + 1,
        y: yy - 8,
        width: text.length * 7 + 8,
        height: 16,
        rx: 2,
        fill: color,
      }),
    );
    g.append(el("text", { x: right + 5, y: yy + 4, fill: theme.labelText, "font-size": 11 }, text));
    return g as unknown as SVGElement;
  };
}
