import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { buildChart, chartSvg } from "./chart.ts";
import { chartData } from "./chart_data.ts";
import { realCandles } from "./fixtures.ts";
import { realHourlyCandles } from "./intraday_fixtures.ts";

// The last three sessions of the bundled SPY hours: 2021-03-29, -30 and -31, 7 bars each.
const HOURS = realHourlyCandles("SPY", 3);
const SPEC = ChartSpecSchema.parse({
  symbol: "SPY",
  interval: "1h",
  panes: [{ type: "volume" }],
});

function dom(svg: string) {
  return parseHTML(`<html><body>${svg}</body></html>`).document;
}

/** x of each subpath's move-to in a path's `d`. */
function moveXs(d: string | null): number[] {
  return [...(d ?? "").matchAll(/M(-?[\d.]+)/g)].map((m) => Number(m[1]));
}

Deno.test("buildChart() on real SPY hours - x labels are New York times, with the date at each session start", () => {
  const doc = dom(chartSvg(SPEC, chartData(HOURS)).svg);
  const xLabels = [...doc.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) =>
    t.textContent
  );
  assert.deepEqual(xLabels, [
    "Mar 29",
    "11:00",
    "13:00",
    "Mar 30",
    "11:00",
    "13:00",
    "Mar 31",
    "11:00",
    "13:00",
    "15:00",
  ]);
});

Deno.test("buildChart() on real SPY hours - one session break per new session in every pane, between bars, no overnight gap", () => {
  const doc = dom(chartSvg(SPEC, chartData(HOURS)).svg);
  // wicks are drawn at the bars' centres: evenly spaced, the night takes no more room than an hour
  const centres = [...doc.querySelectorAll("svg.pane.price path.candle-wicks")].flatMap((p) =>
    moveXs(p.getAttribute("d"))
  ).sort((a, b) => a - b);
  assert.equal(centres.length, 21);
  const step = (centres.at(-1)! - centres[0]!) / 20;
  for (let k = 1; k < centres.length; k++) {
    assert.ok(Math.abs(centres[k]! - centres[k - 1]! - step) < 0.02, "bars are evenly spaced");
  }
  for (const pane of ["price", "volume"]) {
    const breaks = doc.querySelectorAll(`svg.pane.${pane} path.session-breaks`);
    assert.equal(breaks.length, 1, pane);
    assert.equal(breaks[0]!.getAttribute("stroke"), "#2a2e39", "the dark theme's grid colour");
    const xs = moveXs(breaks[0]!.getAttribute("d"));
    assert.equal(xs.length, 2, `${pane}: Mar 30 and Mar 31 open a session`);
    // half-way between 15:00 (bar 6, 13) and the next 09:30 (bar 7, 14)
    assert.ok(Math.abs(xs[0]! - (centres[6]! + centres[7]!) / 2) < 0.02, `${pane}: ${xs[0]}`);
    assert.ok(Math.abs(xs[1]! - (centres[13]! + centres[14]!) / 2) < 0.02, `${pane}: ${xs[1]}`);
  }
});

Deno.test("buildChart() on real SPY hours - the header shows the local date and time of the first and last bar", () => {
  const doc = dom(chartSvg(SPEC, chartData(HOURS)).svg);
  assert.equal(doc.querySelector(".chart-title")!.textContent, "SPY · 1h");
  assert.equal(
    doc.querySelector(".chart-range")!.textContent,
    "2021-03-29 09:30 – 2021-03-31 15:00",
  );
});

Deno.test("buildChart() on real SPY hours - from/to keep whole local days", () => {
  const spec = { ...SPEC, from: "2021-03-30", to: "2021-03-30" };
  const { root } = buildChart(spec, chartData(HOURS));
  const doc = dom(root.outerHTML);
  assert.equal(
    doc.querySelector(".chart-range")!.textContent,
    "2021-03-30 09:30 – 2021-03-30 15:00",
  );
  const wicks = [...doc.querySelectorAll("svg.pane.price path.candle-wicks")];
  assert.equal(wicks.flatMap((p) => moveXs(p.getAttribute("d"))).length, 7);
  assert.equal(doc.querySelectorAll("path.session-breaks").length, 0, "one session: no break");
});

Deno.test("buildChart() on daily bars draws no session breaks and keeps the date range", () => {
  const days = realCandles("lean/SPY", 3); // LEAN's daily SPY file: the same three days
  const doc = dom(chartSvg(ChartSpecSchema.parse({ symbol: "SPY" }), chartData(days)).svg);
  assert.equal(doc.querySelectorAll("path.session-breaks").length, 0);
  assert.equal(doc.querySelector(".chart-range")!.textContent, "2021-03-29 – 2021-03-31");
});
