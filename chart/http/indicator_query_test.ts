import assert from "node:assert/strict";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { indicatorItems, mapIndicators } from "./indicator_query.ts";

const spec = ChartSpecSchema.parse({
  symbol: "AAPL",
  overlays: [{ type: "sma", period: 20 }, { type: "sma", period: 50 }, { type: "bollinger" }],
  panes: [{ type: "volume" }, { type: "macd" }],
});

Deno.test("indicatorItems() asks core for sma:20,sma:50,bollinger,macd (volume needs none)", () => {
  assert.deepEqual(indicatorItems(spec).map((i) => i.name), [
    "sma:20",
    "sma:50",
    "bollinger",
    "macd",
  ]);
});

Deno.test("mapIndicators() renames core's outputs to renderer keys and aligns them by date", () => {
  const items = indicatorItems(spec);
  const { series, missing } = mapIndicators(items, {
    dates: ["2018-01-02", "2018-01-03", "2018-01-04"],
    series: {
      sma: [1, 2, 3],
      sma_50: [null, 5, 6],
      upper: [7, 8, 9],
      middle: [4, 5, 6],
      lower: [1, 2, 3],
      macd: [0.1, 0.2, 0.3],
      signal: [0, 0.1, 0.2],
      histogram: [0.1, 0.1, 0.1],
    },
    indicators: [
      { name: "sma", params: { period: 20 }, outputs: ["sma"] },
      { name: "sma", params: { period: 50 }, outputs: ["sma_50"] },
      { name: "bollinger", outputs: ["upper", "middle", "lower"] },
      { name: "macd", outputs: ["macd", "signal", "histogram"] },
    ],
  }, ["2018-01-03", "2018-01-04", "2018-01-05"]);
  assert.deepEqual(missing, []);
  assert.deepEqual(series["sma20"], [2, 3, null]);
  assert.deepEqual(series["sma50"], [5, 6, null]);
  assert.deepEqual(series["bb.upper"], [8, 9, null]);
  assert.deepEqual(series["macd.histogram"], [0.1, 0.1, null]);
});

Deno.test("mapIndicators() lists what core left out", () => {
  const items = indicatorItems(spec);
  const { missing } = mapIndicators(items, {
    dates: [],
    series: { sma: [] },
    indicators: [{ name: "sma", outputs: ["sma"] }],
  }, []);
  assert.deepEqual(missing, ["sma:50", "bollinger", "macd"]);
});
