import assert from "node:assert/strict";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { fetchChartData } from "./chart_source.ts";
import { CoreClient } from "./core_client.ts";
import { chartSvg } from "../render/chart.ts";
import { realHourlyCandles } from "../render/intraday_fixtures.ts";

Deno.test("fetchChartData - a weekly chart asks core for weekly candles, indicators, patterns and signals", async () => {
  const asked: string[] = [];
  const candle = { date: "2020-04-13", open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 };
  const answers: Record<string, unknown> = {
    candles: { candles: [candle] },
    indicators: { dates: ["2020-04-13"], series: { rsi: [null] } },
    patterns: { patterns: [], levels: [] },
    signals: { signals: [] },
  };
  const core = new CoreClient({
    baseUrl: "http://core.test",
    fetch: (input) => {
      const url = new URL(String(input));
      asked.push(url.pathname + url.search);
      const kind = url.pathname.split("/").at(-1)!;
      return Promise.resolve(Response.json(answers[kind]));
    },
  });
  const spec = ChartSpecSchema.parse({
    symbol: "SPX",
    interval: "1w",
    from: "2020-01-01",
    overlays: [{ type: "patterns" }, { type: "signals" }],
    panes: [{ type: "rsi", period: 14 }],
  });
  const { data } = await fetchChartData(core, spec);
  assert.equal(data.candles.length, 1);
  assert.equal(asked.length, 4);
  for (const path of asked) assert.match(path, /[?&]interval=1w(&|$)/, path);
  const daily = ChartSpecSchema.parse({ symbol: "SPX" });
  asked.length = 0;
  await fetchChartData(core, daily);
  assert.ok(asked.every((p) => !p.includes("interval")), "daily keeps the plain URLs");
});

Deno.test("fetchChartData - intraday candles (local times with offsets) are accepted and drawn", async () => {
  const times = [
    "2021-03-31T13:00:00-04:00",
    "2021-03-31T14:00:00-04:00",
    "2021-03-31T15:00:00-04:00",
  ];
  const candles = times.map((date, i) => ({
    date,
    open: 122 + i,
    high: 123.5 + i,
    low: 121.5 + i,
    close: 123 + i,
    volume: 1000,
  }));
  const core = new CoreClient({
    baseUrl: "http://core.test",
    fetch: () => Promise.resolve(Response.json({ candles })),
  });
  const spec = ChartSpecSchema.parse({ symbol: "AAPL", interval: "1h", panes: [] });
  const { data } = await fetchChartData(core, spec);
  assert.deepEqual(data.candles.map((c) => c.date), times);
  const { svg } = chartSvg(spec, data);
  assert.match(svg, /AAPL · 1h/);
});

Deno.test("fetchChartData - intraday patterns and signals (pivots at local times) are drawn, not 'unavailable'", async () => {
  // core's answer shape for GET /api/symbols/SPY/patterns?interval=1h: dates are bar labels
  const hours = realHourlyCandles("SPY", 3);
  const low = hours.reduce((a, b) => (b.low < a.low ? b : a));
  const high = hours.reduce((a, b) => (b.high > a.high ? b : a));
  const [first, last] = low.date < high.date ? [low, high] : [high, low];
  const answers: Record<string, unknown> = {
    candles: { candles: hours },
    patterns: {
      patterns: [{
        kind: "double_bottom",
        start_date: first.date,
        end_date: last.date,
        pivots: [
          { date: first.date, price: first === low ? low.low : high.high, type: "low" },
          { date: last.date, price: last === low ? low.low : high.high, type: "high" },
        ],
        lines: [{
          from: { date: first.date, price: low.low },
          to: { date: last.date, price: low.low },
        }],
      }],
      levels: [],
    },
    signals: { signals: [{ date: hours[10]!.date, type: "buy", name: "golden_cross" }] },
  };
  const core = new CoreClient({
    baseUrl: "http://core.test",
    fetch: (input) =>
      Promise.resolve(Response.json(answers[new URL(String(input)).pathname.split("/").at(-1)!])),
  });
  const spec = ChartSpecSchema.parse({
    symbol: "SPY",
    interval: "1h",
    overlays: [{ type: "patterns" }, { type: "signals" }],
    panes: [],
  });
  const { data } = await fetchChartData(core, spec);
  assert.deepEqual(data.warnings, []);
  assert.equal(data.patterns.length, 1);
  assert.equal(data.patterns[0]!.pivots[0]!.date, first.date);
  assert.equal(data.markers.length, 1);
  const { svg } = chartSvg(spec, data);
  assert.ok(svg.includes("pattern-outline"), "the pattern is outlined");
  assert.ok(!svg.includes("unavailable"));
});
