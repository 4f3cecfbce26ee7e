/**
 * Weekly and monthly aggregation of the longest bundled history (SPX, 5,105 real daily bars
 * 2000–2020), warm, against a baseline in the same run: a plain single pass that reads each
 * bar's date and OHLCV once (the floor any aggregation pays). Target: ≤ 0.5 ms each.
 * `deno bench` prints each ratio to the baseline in its summary.
 *
 * Run: `deno bench -A bench/timeframes_bench.ts`
 *
 * @module
 */
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { seriesFromBars } from "../core/market_data/series.ts";
import { aggregateCalendar } from "../core/timeframes/aggregate.ts";

const text = await Deno.readTextFile(new URL("../core/data/market/extra/SPX.csv", import.meta.url));
const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
const n = spx.close.length;
let sink = 0;

Deno.bench({ name: `plain single pass, ${n} bars (floor)`, group: "spx", baseline: true }, () => {
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += spx.dates[i]!.charCodeAt(9) + spx.open[i]! + spx.high[i]! + spx.low[i]! +
      spx.close[i]! + spx.volume[i]!;
  }
  sink += acc;
});
Deno.bench({ name: "aggregateCalendar 1w", group: "spx" }, () => {
  sink += aggregateCalendar(spx, "1w").close.length;
});
Deno.bench({ name: "aggregateCalendar 1mo", group: "spx" }, () => {
  sink += aggregateCalendar(spx, "1mo").close.length;
});

globalThis.addEventListener("unload", () => {
  if (sink === 0) throw new Error("nothing measured");
});
