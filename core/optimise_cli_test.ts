// `deno task optimise --strategy rule --entry … --exit …` (a subprocess with its own database,
// the task's permissions, worker threads) ranks exactly what the built-in sma_cross gives: the
// rules restating it score, return, draw down and trade as it does, alone and over a grid of
// `$fast`/`$slow`.
import assert from "node:assert/strict";
import { runTask } from "../tests/helpers/run_task.ts";
import { removeSqlite, tempSqliteUrl } from "../tests/helpers/services.ts";

const RANGE = ["--symbol", "AAPL", "--from", "2013-06-01", "--to", "2018-05-11"];

/** The ranked rows' last four columns (score, return, max drawdown, trades), after `keys` key cells. */
function ranked(out: string, keys: number): string[][] {
  const lines = out.split("\n");
  const head = lines.findIndex((l) => /\bsharpe\s+return\s+max dd\s+trades$/.test(l));
  assert.ok(head >= 0, out);
  const rows = lines.slice(head + 1, lines.findIndex((l) => l.startsWith("buy & hold")));
  return rows.map((l) => {
    const cells = l.trim().split(/\s{2,}/);
    return cells.slice(keys);
  });
}

Deno.test({
  name:
    "optimise CLI - --strategy rule with sma(10) crosses_above/below sma(50) ranks as sma_cross",
  sanitizeResources: false,
  async fn() {
    const db = tempSqliteUrl("optimise-cli");
    try {
      const builtin = await runTask("optimise", [
        ...RANGE,
        "--strategy",
        "sma_cross",
        "--grid",
        "fast=10",
        "--grid",
        "slow=50",
      ], db);
      const rule = await runTask("optimise", [
        ...RANGE,
        "--strategy",
        "rule",
        "--entry",
        "sma(10) crosses_above sma(50)",
        "--exit",
        "sma(10) crosses_below sma(50)",
      ], db);
      assert.match(rule, /^Custom rule on AAPL .*: 1 combinations/);
      const want = ranked(builtin, 2); // fast, slow
      assert.equal(want.length, 1);
      assert.ok(Number(want[0]![3]) > 3, `sma_cross trades on AAPL (${want[0]![3]})`);
      assert.deepEqual(ranked(rule, 2), want, "entry, exit, then the same figures");

      const grid = ["--grid", "fast=5,10,20", "--grid", "slow=50,100"];
      const builtinGrid = await runTask(
        "optimise",
        [...RANGE, "--strategy", "sma_cross", ...grid],
        db,
      );
      const ruleGrid = await runTask("optimise", [
        ...RANGE,
        "--strategy",
        "rule",
        "--entry",
        "sma($fast = 10) crosses_above sma($slow = 50)",
        "--exit",
        "sma($fast) crosses_below sma($slow)",
        ...grid,
      ], db);
      const wantGrid = ranked(builtinGrid, 0); // fast, slow, figures
      assert.equal(wantGrid.length, 6);
      assert.deepEqual(ranked(ruleGrid, 2), wantGrid, "every combination, in the same order");
    } finally {
      removeSqlite(db);
    }
  },
});
