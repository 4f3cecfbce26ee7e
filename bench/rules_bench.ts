/**
 * Rule-language benchmark (issue 15): the screener's 3-clause rule
 * `rsi(14) < 30 and close > sma(200) and volume > 1.5 * sma(volume, 20)` over 1,000 symbols ×
 * 2,520 bars through `screen()` (compile once, evaluate every symbol, bars since true), against
 * the floor: the same three indicator functions (`rsi`, `sma`, `sma`) called directly on every
 * symbol in a plain loop, in the same run. Targets: ≤ 50 ms warm and ≤ 2× the floor. Run with
 * `deno bench -A bench/rules_bench.ts`; the group summary prints the ratio.
 *
 * Data (real prices only): 1,000 windows of 2,520 consecutive real SPX daily bars from
 * `core/data/market/extra/SPX.csv`, window k starting at bar (k × 7) mod (5,105 − 2,520), so each
 * "symbol" is a different stretch of real history.
 *
 * @module
 */
import { tiledSpxUniverse } from "./_tiled_spx.ts";
import { rsi } from "../core/indicators/rsi.ts";
import { sma } from "../core/indicators/sma.ts";
import { compileRule } from "../core/rules/compile.ts";
import { screen } from "../core/rules/screen.ts";

const BARS = 2_520, SYMBOLS = 1_000;
const universe = await tiledSpxUniverse(SYMBOLS, BARS);
const RULE = "rsi(14) < 30 and close > sma(200) and volume > 1.5 * sma(volume, 20)";
const rule = compileRule(RULE, { expect: "condition" });
let sink = 0;

Deno.bench({
  name: `floor: rsi(14), sma(200), sma(volume, 20) called directly, ${SYMBOLS} × ${BARS} bars`,
  group: "screen",
  baseline: true,
  fn() {
    for (const c of universe.values()) {
      const r = rsi(c.close, 14), s = sma(c.close, 200), v = sma(c.volume, 20);
      sink += r[BARS - 1]! + s[BARS - 1]! + v[BARS - 1]!;
    }
  },
});

Deno.bench({
  name: `screen(): ${RULE}, ${SYMBOLS} × ${BARS} bars`,
  group: "screen",
  fn() {
    sink += screen(rule, universe).length;
  },
});

Deno.bench({
  name: "compileRule(): parse, check and plan the 3-clause rule",
  group: "compile",
  fn() {
    sink += compileRule(RULE).nodes.length;
  },
});

/** Keeps results alive so the work is not optimised away. */
export const result = (): number => sink;
