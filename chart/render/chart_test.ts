import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { ValidationError } from "@trading/shared/errors";
import { buildChart, chartSvg } from "./chart.ts";
import { chartData } from "./chart_data.ts";
import { aaplData, aaplWindow } from "./test_data.ts";

const FULL = ChartSpecSchema.parse({
  symbol: "AAPL",
  overlays: [{ type: "sma", period: 20 }, { type: "bollinger" }, { type: "patterns" }, {
    type: "levels",
  }, {
    type: "signals",
  }],
  panes: [{ type: "volume" }, { type: "rsi" }, { type: "macd" }],
});

function dom(svg: string) {
  return parseHTML(`<html><body>${svg}</body></html>`).document;
}

function subpaths(d: string | null): number {
  return d === "M0 0" || !d ? 0 : (d.match(/M/g) ?? []).length;
}

Deno.test("buildChart() draws one candle body and one wick per bar", () => {
  for (const bars of [100, 250, 1000]) {
    const data = aaplData(bars);
    const doc = dom(chartSvg(FULL, data).svg);
    const bodies = [...doc.querySelectorAll("path.candle-bodies")].reduce(
      (a, p) => a + subpaths(p.getAttribute("d")),
      0,
    );
    const wicks = [...doc.querySelectorAll("path.candle-wicks")].reduce(
      (a, p) => a + subpaths(p.getAttribute("d")),
      0,
    );
    assert.equal(bodies, bars);
    assert.equal(wicks, bars);
    const up = data.candles.filter((c) => c.close >= c.open).length;
    assert.equal(subpaths(doc.querySelector("path.candle-bodies.up")!.getAttribute("d")), up);
  }
});

Deno.test("buildChart() has price, volume, RSI and MACD panes with axes, time labels and a title", () => {
  const { svg } = chartSvg(FULL, aaplData(250));
  const doc = dom(svg);
  assert.match(svg.slice(0, svg.indexOf(">")), /xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  for (const name of ["price", "volume", "rsi", "macd"]) {
    assert.ok(doc.querySelector(`svg.pane.${name}`), name);
  }
  const yLabels = doc.querySelectorAll('[aria-label="y-axis tick label"] text');
  assert.ok(yLabels.length >= 10, `y tick labels: ${yLabels.length}`);
  const xLabels = [...doc.querySelectorAll('[aria-label="x-axis tick label"] text')].map((t) =>
    t.textContent
  );
  assert.ok(xLabels.includes("2018"), `x labels ${xLabels}`);
  assert.ok(
    xLabels.some((l) => /^(Jan|Feb|Mar|Apr|Jul|Oct)$/.test(l ?? "")),
    `x labels ${xLabels}`,
  );
  assert.equal(doc.querySelector(".chart-title")!.textContent, "AAPL");
  assert.match(doc.querySelector(".chart-range")!.textContent!, /^2017-05-1\d – 2018-05-11$/);
  assert.equal(doc.querySelector(".last-price text")!.textContent, "188.59");
  assert.ok(doc.querySelector("path.bollinger-band"));
  assert.ok(doc.querySelector("path.rsi-line"));
  assert.equal(doc.querySelectorAll("path.macd-histogram").length, 2);
});

Deno.test("buildChart() outlines a pattern through its pivots and draws the measured-move target", () => {
  const data = aaplData(250);
  const { svg } = chartSvg(FULL, data);
  const doc = dom(svg);
  const outline = doc.querySelector(".pattern[data-kind=double_bottom] path.pattern-outline")!;
  const pts = outline.getAttribute("d")!.split(/[ML]/).filter(Boolean);
  assert.equal(pts.length, 3);
  // x of the pivots follows the bar index: the scale maps index i to 8 + (i + 0.5) * step
  const step = (1000 - 8 - 72) / 250;
  const xs = pts.map((p) => Number(p.split(" ")[0]));
  assert.ok(Math.abs(xs[0]! - (8 + (190 + 0.5) * step)) < 0.02, `x ${xs[0]}`);
  assert.ok(Math.abs(xs[2]! - (8 + (225 + 0.5) * step)) < 0.02, `x ${xs[2]}`);
  assert.equal(doc.querySelector(".pattern-label")!.textContent, "Double bottom");
  const target = data.patterns[0]!.target!;
  assert.match(
    doc.querySelector(".pattern text")!.textContent!,
    new RegExp(`Target ${target.toFixed(2)}`),
  );
  assert.equal(subpaths(doc.querySelector("path.marker.buy")!.getAttribute("d")), 1);
  assert.equal(subpaths(doc.querySelector("path.marker.sell")!.getAttribute("d")), 1);
  assert.equal(doc.querySelectorAll("path.level").length, 2);
});

Deno.test("buildChart() notes overlays and panes it has no data for, and draws the rest", () => {
  const { candles } = aaplWindow(120);
  const { svg, warnings } = chartSvg(
    FULL,
    chartData(candles, { warnings: ["indicators unavailable from core (core answered 404)"] }),
  );
  assert.deepEqual(warnings, [
    "indicators unavailable from core (core answered 404)",
    "RSI 14: no data",
    "MACD 12 26 9: no data",
    "SMA 20: no data",
    "BB 20 2: no data",
  ]);
  const doc = dom(svg);
  assert.equal(doc.querySelectorAll(".chart-warnings text").length, 5);
  assert.ok(doc.querySelector("svg.pane.volume"));
  assert.equal(doc.querySelector("svg.pane.rsi"), null);
});

Deno.test("buildChart() keeps only the bars within from/to and refuses an empty range with 422", () => {
  const data = aaplData(250);
  const spec = ChartSpecSchema.parse({
    symbol: "AAPL",
    from: "2018-01-01",
    to: "2018-03-31",
    panes: [],
  });
  const doc = dom(chartSvg(spec, data).svg);
  const bodies = [...doc.querySelectorAll("path.candle-bodies")].reduce(
    (a, p) => a + subpaths(p.getAttribute("d")),
    0,
  );
  assert.equal(
    bodies,
    data.candles.filter((c) => c.date >= "2018-01-01" && c.date <= "2018-03-31").length,
  );
  const empty = ChartSpecSchema.parse({ symbol: "AAPL", from: "2019-01-01" });
  assert.throws(
    () => buildChart(empty, data),
    (e: unknown) => e instanceof ValidationError && e.issues[0]!.field === "from",
  );
});

Deno.test("buildChart() labels in Traditional Chinese with lang=zh-TW", () => {
  const spec = ChartSpecSchema.parse({ ...FULL, lang: "zh-TW" });
  const doc = dom(chartSvg(spec, aaplData(250)).svg);
  const text = doc.querySelector("svg")!.textContent!;
  assert.match(text, /成交量/);
  assert.match(text, /雙重底/);
  assert.match(text, /2018年/);
});

Deno.test("buildChart() draws OHLC bars and a close line when asked", () => {
  const data = aaplData(60);
  const ohlc = dom(chartSvg(ChartSpecSchema.parse({ symbol: "AAPL", style: "ohlc" }), data).svg);
  assert.equal(
    [...ohlc.querySelectorAll("path.ohlc-bars")].reduce(
      (a, p) => a + subpaths(p.getAttribute("d")),
      0,
    ),
    60 * 3,
  );
  assert.equal(ohlc.querySelector("path.candle-bodies"), null);
  const line = dom(chartSvg(ChartSpecSchema.parse({ symbol: "AAPL", style: "line" }), data).svg);
  assert.equal(subpaths(line.querySelector("path.close-line")!.getAttribute("d")), 1);
});

Deno.test("chartSvg() - rises are red for zh-TW labels and Taiwan symbols (updown=green keeps them green)", () => {
  const data = aaplData(120);
  const upFill = (spec: Record<string, unknown>) => {
    const doc = dom(chartSvg(ChartSpecSchema.parse({ symbol: "AAPL", ...spec }), data).svg);
    return doc.querySelector("path.candle-bodies.up")?.getAttribute("fill");
  };
  assert.equal(upFill({ theme: "light" }), "#089981");
  assert.equal(upFill({ theme: "light", lang: "zh-TW" }), "#f23645");
  assert.equal(upFill({ theme: "light", symbol: "2330.TW" }), "#f23645");
  assert.equal(upFill({ theme: "light", lang: "zh-TW", up_colour: "green" }), "#089981");
  assert.equal(upFill({ theme: "light", up_colour: "red" }), "#f23645");
});
