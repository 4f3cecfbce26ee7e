import assert from "node:assert/strict";
import { ValidationError } from "@trading/shared/errors";
import { OptimisationRequestSchema } from "@trading/shared/schemas";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { findStrategy, STRATEGIES } from "../strategies/mod.ts";
import { optimisable } from "../strategies/types.ts";
import { MAX_EVALUATIONS, MAX_WINDOWS, planOptimisation } from "./plan.ts";

const text = await Deno.readTextFile(new URL("../data/market/extra/SPX.csv", import.meta.url));
const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);

const plan = (body: Record<string, unknown>) => {
  const req = OptimisationRequestSchema.parse({ symbol: "SPX", ...body });
  return planOptimisation(req, findStrategy(req.strategy)!, spx);
};

/** The field and message of the 422 `fn` throws. */
function refusal(fn: () => unknown): { field: string; message: string } {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ValidationError, String(e));
    return e.issues[0]!;
  }
  throw new Error("expected a ValidationError");
}

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

Deno.test("planOptimisation() - refuses a walk-forward whose total work exceeds MAX_EVALUATIONS", () => {
  // the reviewer's case: 200 × 200 values and windows of 20/5 bars on SPX (≈ 40 M backtests)
  const huge = refusal(() =>
    plan({
      strategy: "rsi_reversion",
      grid: { lower: range(5, 46), upper: range(50, 46) },
      walk_forward: { in_sample: 20, out_of_sample: 5 },
    })
  );
  assert.equal(huge.field, "walk_forward.out_of_sample"); // too many windows, said first
  assert.match(huge.message, new RegExp(`at most ${MAX_WINDOWS}`));
  // few windows but a large grid: combinations × (1 + windows) is over the limit
  const big = refusal(() =>
    plan({
      strategy: "rsi_reversion",
      grid: { period: range(2, 49), lower: range(5, 46), upper: range(60, 10) },
      walk_forward: { in_sample: 2520, out_of_sample: 252 },
    })
  );
  assert.equal(big.field, "walk_forward");
  assert.match(big.message, new RegExp(`at most ${MAX_EVALUATIONS}`));
  const windows = Math.ceil((spx.close.length - 2520) / 252);
  const [, combos, times, total] = big.message.match(/(\d+) combinations × (\d+) .* = (\d+)/)!;
  assert.equal(Number(times), 1 + windows);
  assert.equal(Number(total), Number(combos) * Number(times));
});

Deno.test("planOptimisation() - a grid alone over MAX_EVALUATIONS is refused naming grid", () => {
  const r = refusal(() =>
    plan({
      strategy: "rsi_reversion",
      grid: { period: range(2, 49), lower: range(5, 46), upper: range(50, 46), exit: [50] },
      to: "2001-12-31",
    })
  );
  assert.equal(r.field, "grid");
});

Deno.test("planOptimisation() - duplicated grid values are evaluated once", () => {
  const p = plan({ strategy: "sma_cross", grid: { fast: [10, 10, 20, 10], slow: [50, 50, 100] } });
  assert.equal(p.combos.length, 4);
  assert.deepEqual(p.combos.map((c) => [c.params.fast, c.params.slow]), [
    [10, 50],
    [10, 100],
    [20, 50],
    [20, 100],
  ]);
  assert.equal(p.total, 4);
});

Deno.test("planOptimisation() - within the limits the plan counts every evaluation", () => {
  const p = plan({
    strategy: "sma_cross",
    grid: { fast: [5, 10], slow: [50, 100] },
    walk_forward: { in_sample: 2520, out_of_sample: 504 },
  });
  assert.ok(p.windows!.length <= MAX_WINDOWS);
  assert.equal(p.total, 4 * (1 + p.windows!.length));
});

Deno.test("planOptimisation() - strategies whose decisions carry exit levels are refused naming strategy", () => {
  const withLevels = Object.values(STRATEGIES).filter((s) => !optimisable(s));
  assert.deepEqual(withLevels.map((s) => s.id), ["pattern_breakout"]);
  const r = refusal(() => plan({ strategy: "pattern_breakout" }));
  assert.equal(r.field, "strategy");
  assert.match(r.message, /stop-loss\/take-profit/);
});

Deno.test("planOptimisation() - risk limits are refused naming the field (the kernel cannot apply them)", () => {
  for (const [field, value] of [["max_order_value", 10_000], ["max_position_pct", 50]] as const) {
    const r = refusal(() => plan({ strategy: "sma_cross", [field]: value }));
    assert.equal(r.field, field);
    assert.match(r.message, /fast kernel.*risk limits.*POST \/api\/backtests/);
  }
  // null (no limit) is what every other optimisation sends, and runs
  assert.ok(plan({ strategy: "sma_cross", max_order_value: null }).combos.length > 0);
});
