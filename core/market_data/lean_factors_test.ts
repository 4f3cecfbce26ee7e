import assert from "node:assert/strict";
import { parseOhlcvCsv } from "./csv.ts";
import { actionsFromLeanFactors } from "./lean_factors.ts";

const DIR = new URL("../data/market/intraday/", import.meta.url);
const hourlyDates = async (symbol: string) => {
  const text = await Deno.readTextFile(new URL(`hour/${symbol}_1h.csv`, DIR));
  return [...new Set(text.trim().split("\n").slice(1).map((l) => l.slice(0, 10)))];
};

Deno.test("actionsFromLeanFactors() - AAPL's four splits and its first modern dividend", async () => {
  const text = await Deno.readTextFile(new URL("../lean/AAPL.factors.csv", DIR));
  const { splits, dividends } = actionsFromLeanFactors(text, await hourlyDates("AAPL"));
  assert.deepEqual(splits, [
    { date: "2000-06-21", ratio: 2 },
    { date: "2005-02-28", ratio: 2 },
    { date: "2014-06-09", ratio: 7 },
    { date: "2020-08-31", ratio: 4 },
  ]);
  // $2.65 ex 2012-08-09; the factors carry 7 significant digits, so amounts are within $0.001
  assert.equal(dividends[0]!.date, "2012-08-09");
  assert.ok(Math.abs(dividends[0]!.amount - 2.65) < 0.001, String(dividends[0]!.amount));
  assert.ok(dividends.every((d) => d.amount > 0 && d.amount < 4), "pre-split dividends ≤ $3.29");
});

Deno.test("actionsFromLeanFactors() - SPY has quarterly dividends and no split; bad lines are refused", async () => {
  const text = await Deno.readTextFile(new URL("../lean/SPY.factors.csv", DIR));
  const { splits, dividends } = actionsFromLeanFactors(text, await hourlyDates("SPY"));
  assert.deepEqual(splits, []);
  assert.ok(dividends.length > 80, `${dividends.length} dividends in 23 years`);
  assert.throws(() => actionsFromLeanFactors("h\n2020-01-01,x,1,1\n", []), /line 2/);
});

Deno.test("the bundled LEAN daily files are valid as shipped and every factor file reads", async () => {
  type Entry = {
    symbol: string;
    file?: string;
    daily?: string;
    factors?: string;
    rows: number;
    interval?: string;
  };
  const read = async (url: URL) =>
    (JSON.parse(await Deno.readTextFile(url)) as { symbols: Entry[] }).symbols;
  // the default universe (paths below core/data/market/) and the symbols loaded on first use
  // (paths below core/data/market/intraday/)
  const universeDir = new URL("../", DIR);
  const universe = (await read(new URL("manifest.json", universeDir))).filter((e) => e.factors);
  const firstUse = await read(new URL("manifest.json", DIR));
  assert.deepEqual(universe.map((e) => e.symbol), ["SPY", "QQQ", "AAPL", "GOOGL"]);
  assert.deepEqual(firstUse.filter((e) => e.daily).map((e) => e.symbol), [
    "IBM",
    "BAC",
    "IWM",
    "EEM",
    "AIG",
    "SPX",
    "GOOG",
    "QCOM",
  ]);
  const entries = [
    ...universe.map((e) => ({ ...e, dailyUrl: new URL(e.file!, universeDir), base: universeDir })),
    ...firstUse.map((e) => ({ ...e, dailyUrl: e.daily ? new URL(e.daily, DIR) : null, base: DIR })),
  ];
  for (const e of entries) {
    let dates: string[];
    if (e.dailyUrl) {
      const r = parseOhlcvCsv(await Deno.readTextFile(e.dailyUrl));
      assert.deepEqual(r.rejected, [], e.symbol);
      if (!("interval" in e)) assert.equal(r.bars.length, e.rows, e.symbol);
      dates = r.bars.map((b) => b.date);
    } else {
      dates = await hourlyDates(e.symbol);
    }
    // the stand-ins of earlier releases (extra/SPX.csv, …) are not LEAN's: no factor file
    if (!e.factors) {
      assert.ok(["SPX", "GOOG", "QCOM"].includes(e.symbol), `${e.symbol} lacks a factor file`);
      continue;
    }
    const actions = actionsFromLeanFactors(
      await Deno.readTextFile(new URL(e.factors, e.base)),
      dates,
    );
    assert.ok(
      actions.splits.every((s) => s.ratio > 0) && actions.dividends.every((d) => d.amount > 0),
      e.symbol,
    );
  }
});
