// `deno task backtest --strategy rule --entry … --exit …` (a subprocess with its own database,
// the task's permissions) prints exactly the built-in sma_cross's metrics and trades when the
// rules restate it.
import assert from "node:assert/strict";
import { runTask } from "../tests/helpers/run_task.ts";
import { removeSqlite, tempSqliteUrl } from "../tests/helpers/services.ts";

const RANGE = ["--symbol", "AAPL", "--from", "2013-06-01", "--to", "2018-05-11"];

/** The printed output after its first line (which names the strategy and its parameters). */
const body = (out: string) => out.slice(out.indexOf("\n") + 1);

Deno.test({
  name:
    "backtest CLI - --strategy rule with sma(10) crosses_above/below sma(50) prints sma_cross's trades",
  sanitizeResources: false,
  async fn() {
    const db = tempSqliteUrl("backtest-cli");
    try {
      const builtin = await runTask("backtest", [
        ...RANGE,
        "--strategy",
        "sma_cross",
        "--fast",
        "10",
        "--slow",
        "50",
        "--trades",
        "all",
      ], db);
      const rule = await runTask("backtest", [
        ...RANGE,
        "--strategy",
        "rule",
        "--entry",
        "sma(10) crosses_above sma(50)",
        "--exit",
        "sma(10) crosses_below sma(50)",
        "--trades",
        "all",
      ], db);
      assert.match(rule.split("\n")[0]!, /^Custom rule on AAPL/);
      const trades = body(builtin).match(/^long .*$/gm) ?? [];
      assert.ok(trades.length > 3, `sma_cross trades on AAPL (${trades.length})`);
      assert.match(body(builtin), new RegExp(`\\n${trades.length} trades:`));
      assert.equal(body(rule), body(builtin), "the same metrics and every trade");
    } finally {
      removeSqlite(db);
    }
  },
});
