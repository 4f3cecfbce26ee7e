import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { firstBars, seriesFromBars } from "../market_data/series.ts";
import { compileRule } from "./compile.ts";
import { evaluateRule } from "./evaluate.ts";
import { RuleError } from "./rule_error.ts";
import { screen } from "./screen.ts";

const SYMBOLS = ["AAPL", "GOOG", "MSFT", "SPX", "AMD", "NVDA"];
const universe = new Map<string, Cols>();
for (const s of SYMBOLS) {
  const text = await Deno.readTextFile(bundledCsvUrl(s));
  universe.set(s, seriesFromBars(s, parseOhlcvCsv(text).bars));
}

Deno.test("screen() - the symbols where the rule is true at their last bar, with columns", () => {
  const rule = compileRule("close > sma(50)", { expect: "condition" });
  const rows = screen(rule, universe, {
    columns: [compileRule("rsi(14)"), compileRule("close > sma(200)")],
  });
  const expected = SYMBOLS.filter((s) => {
    const v = evaluateRule(rule, universe.get(s)!);
    return v[v.length - 1] === 1;
  });
  assert.deepEqual(rows.map((r) => r.symbol), expected);
  for (const r of rows) {
    const cols = universe.get(r.symbol)!;
    assert.equal(r.index, cols.close.length - 1);
    const rsi = evaluateRule(compileRule("rsi(14)"), cols);
    assert.equal(r.values[0], rsi[r.index]);
    assert.ok(r.values[1] === 0 || r.values[1] === 1 || (r.values[1] === null && r.index < 199));
    const hit = evaluateRule(rule, cols);
    assert.equal(hit[r.index - r.barsSinceTrue], 1);
    assert.equal(hit[r.index - r.barsSinceTrue - 1], 0, "it became true barsSinceTrue bars ago");
  }
});

Deno.test("screen() - as of a past date: each symbol evaluated on its bars up to that date", () => {
  const rule = compileRule("rsi(14) < 45", { expect: "condition" });
  const asOf = "2016-06-15";
  const rows = screen(rule, universe, { asOf });
  for (const [s, cols] of universe) {
    const i = cols.dates.findLastIndex((d) => d <= asOf);
    const v = evaluateRule(rule, firstBars(cols, i + 1));
    const row = rows.find((r) => r.symbol === s);
    assert.equal(Boolean(row), v[i] === 1, s);
    if (row) assert.ok(row.asOf <= asOf && row.index === i);
  }
});

Deno.test("screen() - a symbol whose data ends earlier is marked stale", () => {
  const aapl = universe.get("AAPL")!;
  const lagging = new Map([["AAPL", aapl], ["LAG", firstBars(aapl, aapl.close.length - 3)]]);
  const rows = screen(compileRule("close > 0"), lagging);
  assert.equal(rows.find((r) => r.symbol === "LAG")?.stale, true);
  assert.equal(rows.find((r) => r.symbol === "AAPL")?.stale, false);
});

Deno.test("screen() - the whole universe is checked against the budget first", () => {
  assert.throws(
    () => screen(compileRule("score > 0"), universe, { budget: 1_000_000 }),
    (e) => e instanceof RuleError && e.code === "rule_invalid",
  );
});
