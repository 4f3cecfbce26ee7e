/**
 * Pattern detection on the longest bundled history (SPX, 5,105 real daily bars 2000–2020) and
 * the patterns endpoint in-process, against baselines in the same run:
 * - pure functions: baseline ATR(14) over the same bars (one indicator pass, the floor);
 * - HTTP: baseline `GET /api/symbols/SPX/candles` (the whole history as JSON). The endpoint is
 *   measured warm (its scan cached for that range end) and cold (a different `to` on every
 *   call, cycling through 200 dates while the cache holds 32, so each call re-detects).
 *
 * Run: `deno bench -A bench/patterns_bench.ts`
 *
 * @module
 */
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { seriesFromBars } from "../core/market_data/series.ts";
import { atr } from "../core/indicators/atr.ts";
import {
  detectCandlestickPatterns,
  detectChartPatterns,
  supportResistance,
  zigzagPivots,
} from "../core/patterns/mod.ts";
import { testCoreApp } from "../tests/helpers/core_app.ts";

const text = await Deno.readTextFile(new URL("../core/data/market/extra/SPX.csv", import.meta.url));
const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
const n = spx.close.length;
let sink = 0;

Deno.bench({ name: `ATR(14), ${n} bars (floor)`, group: "spx", baseline: true }, () => {
  sink += atr(spx.high, spx.low, spx.close, 14)[n - 1]!;
});
Deno.bench({ name: "zigzagPivots (2 ATR)", group: "spx" }, () => {
  sink += zigzagPivots(spx, { atrMultiple: 2 }).length;
});
Deno.bench({ name: "supportResistance", group: "spx" }, () => {
  sink += supportResistance(spx).length;
});
Deno.bench({ name: "detectCandlestickPatterns", group: "spx" }, () => {
  sink += detectCandlestickPatterns(spx).length;
});
Deno.bench({ name: "detectChartPatterns (15 kinds, 4 scales)", group: "spx" }, () => {
  sink += detectChartPatterns(spx).length;
});

const { app } = await testCoreApp();
const dates = spx.dates.slice(-200);
let k = 0;
const get = async (url: string) => {
  const res = await app.request(url);
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  sink += (await res.text()).length;
};
await get("/api/symbols/SPX/patterns?candles=1"); // load the series into the cache

Deno.bench({ name: "GET candles, whole SPX history", group: "http", baseline: true }, async () => {
  await get("/api/symbols/SPX/candles?limit=10000");
});
Deno.bench({ name: "GET patterns, last year, warm scan", group: "http" }, async () => {
  await get("/api/symbols/SPX/patterns?from=2019-12-01&candles=1");
});
Deno.bench({ name: "GET patterns, whole history, warm scan", group: "http" }, async () => {
  await get("/api/symbols/SPX/patterns?candles=1");
});
Deno.bench({ name: "GET patterns, cold scan (new `to` each call)", group: "http" }, async () => {
  await get(`/api/symbols/SPX/patterns?from=2019-01-01&to=${dates[k++ % dates.length]}&candles=1`);
});

globalThis.addEventListener("unload", () => {
  if (sink === 0) throw new Error("nothing measured");
});
