/**
 * Equity curve against buy-and-hold, with a drawdown pane underneath.
 *
 * @module
 */
import * as Plot from "@observablehq/plot";
import type { EquityChartRequest } from "@trading/shared/schemas";
import { themeOf } from "../themes/theme.ts";
import { chartRoot, el } from "./dom.ts";
import { label } from "./i18n.ts";
import { lineMark } from "./marks/lines.ts";
import { niceTicks, type PaneFrame, paneLabel, plotPane } from "./pane.ts";
import { measureText } from "./text_paths.ts";
import { timeTicks } from "./time_ticks.ts";

/** Drawdown of each point from the running peak, as a fraction ≤ 0. */
export function drawdowns(values: readonly number[]): number[] {
  let peak = -Infinity;
  return values.map((v) => {
    if (v > peak) peak = v;
    return v / peak - 1;
  });
}

/**
 * Builds the equity chart: strategy vs buy-and-hold on top, drawdown (%) below.
 *
 * @example
 * ```ts
 * import { EquityChartRequestSchema } from "@trading/shared/schemas";
 * import { buildEquityChart } from "./equity.ts";
 *
 * const body = {
 *   points: [
 *     { date: "2024-01-02", equity: 10_000, benchmark: 10_000 },
 *     { date: "2024-01-03", equity: 10_120, benchmark: 9_930 },
 *     { date: "2024-01-04", equity: 10_050, benchmark: 9_800 },
 *   ],
 * };
 * const root = buildEquityChart(EquityChartRequestSchema.parse(body));
 * ```
 */
export function buildEquityChart(req: EquityChartRequest): Element {
  const theme = themeOf(req.theme);
  const { width, height, lang } = req;
  const pts = req.points;
  const equity = pts.map((p) => p.equity);
  const bench = pts.map((p) => p.benchmark ?? null);
  const hasBench = bench.some((v) => v !== null);
  const dd = drawdowns(equity).map((v) => v * 100);
  const frame: PaneFrame = {
    width,
    bars: pts.length,
    ticks: timeTicks(pts.map((p) => p.date), Math.max(2, Math.floor((width - 80) / 90)), lang),
    marginLeft: 8,
    marginRight: 72,
  };
  const all = [...equity, ...bench.filter((v): v is number => v !== null)];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.06 || hi * 0.01;
  const header = 30;
  const ddH = Math.max(60, Math.floor((height - header) * 0.28));
  const topH = height - header - ddH - 22;
  const root = chartRoot(width, height, theme, {
    class: `equity-chart theme-${theme.name}`,
  });
  root.append(plotPane(frame, theme, {
    name: "equity",
    top: header,
    height: topH,
    yDomain: [lo - pad, hi + pad],
    yTicks: Math.max(3, Math.round(topH / 55)),
    yFormat: (v) => (Math.abs(v) >= 1e4 ? `${Math.round(v / 1000)}K` : v.toFixed(0)),
    xAxis: false,
    marks: [
      hasBench
        ? lineMark(bench, { stroke: theme.text, dash: "5 3", className: "benchmark-line" })
        : null,
      lineMark(equity, { stroke: theme.lines[1]!, width: 1.8, className: "equity-line" }),
    ],
  }));
  const minDd = Math.min(...dd, -1);
  root.append(plotPane(frame, theme, {
    name: "drawdown",
    top: header + topH,
    height: ddH + 22,
    yDomain: [minDd * 1.1, 0],
    yTickValues: niceTicks(minDd, 0, 3),
    yFormat: (v) => `${v.toFixed(0)}%`,
    xAxis: true,
    marks: [
      Plot.areaY(dd, {
        x: (_: number, i: number) => i,
        y: (v: number) => v,
        fill: theme.down,
        fillOpacity: 0.35,
      }),
      lineMark(dd, { stroke: theme.down, width: 1, className: "drawdown-line" }),
    ],
  }));
  const last = (a: readonly (number | null)[]) => a.findLast((v) => v !== null) ?? null;
  const ret = (a: readonly (number | null)[]) => {
    const first = a.find((v) => v !== null);
    const l = last(a);
    return first && l ? `${((l / first - 1) * 100).toFixed(1)}%` : "—";
  };
  const measure = (t: string) => measureText(t, 11);
  const parts = [{ text: `${label("equity", lang)} ${ret(equity)}`, color: theme.lines[1]! }];
  if (hasBench) {
    parts.push({ text: `${label("benchmark", lang)} ${ret(bench)}`, color: theme.text });
  }
  parts.push({
    text: `${label("drawdown", lang)} ${Math.min(...dd).toFixed(1)}%`,
    color: theme.down,
  });
  const g = el("g", { "text-anchor": "start", class: "chart-header" });
  if (req.title) {
    g.append(
      el(
        "text",
        { x: 12, y: 19, fill: theme.title, "font-size": 14, "font-weight": "bold" },
        req.title,
      ),
    );
  }
  g.append(paneLabel(parts, req.title ? 24 + measureText(req.title, 14, true) : 12, 19, measure));
  root.append(g);
  return root;
}
