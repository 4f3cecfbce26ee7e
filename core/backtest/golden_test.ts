import assert from "node:assert/strict";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { smaCross } from "../strategies/sma_cross.ts";
import { runBacktest } from "./run.ts";

const text = await Deno.readTextFile(
  new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url),
);
const aapl = seriesFromBars("AAPL", parseOhlcvCsv(text).bars.slice(0, 15)); // 2013-05-13..06-03

/*
 * Hand calculation, SMA(2) vs SMA(4) on AAPL's first 15 bundled bars, 10,000 cash, whole
 * shares, 10 bps commission (minimum 1), no slippage, long only.
 *
 *  i  date   close      SMA2        SMA4        decision
 *  3  05-16  62.082859  61.6735725  62.9296445  -1 → flat
 *  4  05-17  61.894287  61.988573   62.16250125 -1
 *  5  05-20  63.275715  62.585001   62.12928675  1 → buy at the open of 05-21 (62.592857)
 *  6..10                SMA2 > SMA4              1
 * 11  05-29  63.564285  63.313572   63.3457145  -1 → sell at the open of 05-30 (63.664288)
 * 12  05-30  64.511429  64.037857   63.6828575   1 → buy at the open of 05-31 (64.64286)
 * 13, 14                SMA2 > SMA4              1 → still long at the end
 *
 * Trade 1: qty = ⌊10000 / (62.592857 × 1.001)⌋ = ⌊159.60⌋ = 159; cost 159 × 62.592857 =
 *   9952.264263, fee 9.952264 → cash 37.783473. Exit 159 × 63.664288 = 10122.621792, fee
 *   10.122622 → cash 10150.282643; pnl = 159 × 1.071431 − 9.952264 − 10.122622 = 150.282643.
 * Trade 2: qty = ⌊10150.282643 / (64.64286 × 1.001)⌋ = ⌊156.86⌋ = 156; cost 10084.28616, fee
 *   10.084286 → cash 55.912197; marked at the last close 64.388573: equity = 55.912197 +
 *   156 × 64.388573 = 10100.529585; open pnl = 156 × (64.388573 − 64.64286) − 10.084286 =
 *   −49.753058.
 */
Deno.test("runBacktest() - golden SMA(2,4) on AAPL May 2013 matches the hand calculation", () => {
  const opts = { cash: 10_000, feeBps: 10, minFee: 1 };
  for (const path of ["auto", "callback"] as const) {
    const r = runBacktest(aapl, smaCross, { fast: 2, slow: 4 }, opts, { path });
    const t = r.trades.map((t) => [t.entry_date, t.exit_date, t.qty, t.exit_reason]);
    assert.deepEqual(t, [
      ["2013-05-21", "2013-05-30", 159, "signal"],
      ["2013-05-31", "2013-06-03", 156, "end"],
    ], path);
    const [t1, t2] = r.trades;
    assert.equal(t1!.entry_price, 62.592857);
    assert.equal(t1!.exit_price, 63.664288);
    assert.ok(Math.abs(t1!.pnl - 150.282643) < 1e-5, `${t1!.pnl}`);
    assert.ok(Math.abs(t2!.pnl - -49.753058) < 1e-5, `${t2!.pnl}`);
    assert.ok(Math.abs(r.metrics.final_equity - 10100.529585) < 1e-5);
    assert.ok(Math.abs(r.metrics.fees - (9.952264 + 10.122622 + 10.084286)) < 1e-5);
    assert.equal(r.metrics.trade_count, 2);
    assert.equal(r.metrics.win_rate, 0.5);
    // exposure: long on bars 6..11 and 13..14 = 8 of 15 bars
    assert.ok(Math.abs(r.metrics.exposure_pct - 8 / 15 * 100) < 1e-9);
    assert.equal(r.path, path === "auto" ? "vectorised" : "callback");
  }
});
