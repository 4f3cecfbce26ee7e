/**
 * 1,000,000 one-minute bars to 5-minute bars by session (`aggregateSession`, New York regular
 * session and extended hours), against a baseline in the same run: a plain single-pass
 * 5-minute grouping (`floor(ts / 5 min)`, no time zone, no session) into preallocated columns.
 * Target: ≤ 20 ms. `deno bench` prints each ratio to the baseline in its summary.
 *
 * Input: the real SPY minutes of 2013-10-04..11 (LEAN sample data, tests/fixtures/intraday/,
 * pre- and post-market included), tiled: copy k is shifted by k × 14 days, so each copy keeps
 * its weekdays; the prices are the real ones repeated, nothing invented.
 *
 * Run: `deno bench -A bench/intraday_aggregate_bench.ts`
 *
 * @module
 */
import { aggregateSession } from "../core/intraday/aggregate.ts";
import { sessionOf } from "../core/intraday/session.ts";
import { columnsFromBars, type IntradayBar } from "../core/intraday/types.ts";
import { realMinuteBars } from "../tests/helpers/intraday_minutes.ts";

const N = 1_000_000;
const FORTNIGHT = 14 * 86_400_000;
const spy = (await realMinuteBars("SPY")).filter((b) => b.ts < Date.UTC(2014, 0, 1));
const tiled: IntradayBar[] = [];
for (let k = 0; tiled.length < N; k++) {
  for (const b of spy) {
    if (tiled.length === N) break;
    tiled.push({ ...b, ts: b.ts + k * FORTNIGHT });
  }
}
const cols = columnsFromBars(tiled);
const NY = sessionOf("America/New_York");
const FIVE = 5 * 60_000;
let sink = 0;

/**
 * The floor: one pass grouping by UTC 5-minute buckets, no zone, no session, into columns
 * allocated and grown as aggregateSession's are (n / 5 + 16, doubled when full).
 */
function plainFiveMinute(): number {
  const { ts, open, high, low, close, volume } = cols;
  let cap = Math.ceil(N / 5) + 16;
  let oT = new Float64Array(cap), oO = new Float64Array(cap), oH = new Float64Array(cap);
  let oL = new Float64Array(cap), oC = new Float64Array(cap), oV = new Float64Array(cap);
  let j = -1, key = NaN;
  for (let i = 0; i < N; i++) {
    const k = Math.floor(ts[i]! / FIVE);
    if (k !== key) {
      key = k;
      if (++j === cap) {
        cap *= 2;
        oT = grow(oT, cap);
        oO = grow(oO, cap);
        oH = grow(oH, cap);
        oL = grow(oL, cap);
        oC = grow(oC, cap);
        oV = grow(oV, cap);
      }
      oT[j] = k * FIVE;
      oO[j] = open[i]!;
      oH[j] = high[i]!;
      oL[j] = low[i]!;
      oC[j] = close[i]!;
      oV[j] = volume[i]!;
    } else {
      if (high[i]! > oH[j]!) oH[j] = high[i]!;
      if (low[i]! < oL[j]!) oL[j] = low[i]!;
      oC[j] = close[i]!;
      oV[j]! += volume[i]!;
    }
  }
  return j + 1;
}

function grow(a: Float64Array<ArrayBuffer>, cap: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

Deno.bench({
  name: "plain single-pass 5m grouping, 1M bars (floor)",
  group: "1m→5m",
  baseline: true,
}, () => {
  sink += plainFiveMinute();
});
Deno.bench({ name: "aggregateSession 5m, regular session", group: "1m→5m" }, () => {
  sink += aggregateSession(cols, { minutes: 5, session: NY }).ts.length;
});
Deno.bench({ name: "aggregateSession 5m, extended hours", group: "1m→5m" }, () => {
  sink += aggregateSession(cols, { minutes: 5, session: NY, extended: true }).ts.length;
});

globalThis.addEventListener("unload", () => {
  if (sink === 0) throw new Error("nothing measured");
});
