import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { compileRule } from "./compile.ts";
import { RuleError, RuleTimeoutError } from "./rule_error.ts";
import { screen } from "./screen.ts";
import { screenPaced } from "./screen_paced.ts";

const SYMBOLS = ["AAPL", "GOOG", "MSFT", "SPX", "AMD", "NVDA"];
const universe = new Map<string, Cols>();
for (const s of SYMBOLS) {
  const text = await Deno.readTextFile(bundledCsvUrl(s));
  universe.set(s, seriesFromBars(s, parseOhlcvCsv(text).bars));
}
const rule = compileRule("close > sma(50) or rsi(14) < 70", { expect: "condition" });
const columns = [compileRule("rsi(14)")];

/** A fake clock that advances `step` ms each time it is read, and counts the pauses. */
function steppingClock(step: number) {
  let t = 0, pauses = 0;
  return {
    ticks: () => (t += step),
    pause: () => {
      pauses++;
      return Promise.resolve();
    },
    pauses: () => pauses,
  };
}

Deno.test("screenPaced() - the same matches as screen(), pausing once per slice of work", async () => {
  const clock = steppingClock(7); // each step "takes" 7 ms: a 20 ms slice holds about 3 steps
  const rows = await screenPaced(rule, universe, { columns, ...clock, deadlineMs: 1e9 });
  assert.deepEqual(rows, screen(rule, universe, { columns }));
  assert.ok(rows.length > 0, "the rule holds somewhere");
  assert.ok(clock.pauses() >= SYMBOLS.length, `pauses within symbols too (${clock.pauses()})`);
  const quick = steppingClock(0); // no time passes: never pauses
  await screenPaced(rule, universe, { columns, ...quick });
  assert.equal(quick.pauses(), 0);
});

Deno.test("screenPaced() - stops with rule_timeout naming the deadline once it has passed", async () => {
  const clock = steppingClock(1_000); // each read of the clock is a second later
  const e = await screenPaced(rule, universe, { columns, ...clock, deadlineMs: 5_000 }).then(
    () => null,
    (x) => x,
  );
  assert.ok(e instanceof RuleTimeoutError, String(e));
  assert.equal(e.code, "rule_timeout");
  assert.match(e.message, /5 s deadline after \d of 6 symbols/);
  assert.equal(e.details.deadline_ms, 5_000);
  assert.equal(e.details.universe, SYMBOLS.length);
  assert.ok(e.details.screened < SYMBOLS.length);
});

Deno.test("screenPaced() - a screen finishing within its deadline is not stopped", async () => {
  const clock = steppingClock(100); // ~2 reads per symbol: about 1.5 s for 6 symbols
  const rows = await screenPaced(rule, universe, { columns, ...clock, deadlineMs: 5_000 });
  assert.deepEqual(rows, screen(rule, universe, { columns }));
});

Deno.test("screenPaced() - over budget is still a rule_invalid before any work", async () => {
  const clock = steppingClock(1);
  await assert.rejects(
    () => screenPaced(rule, universe, { ...clock, budget: 10 }),
    (e: unknown) => e instanceof RuleError && e.code === "rule_invalid",
  );
});
