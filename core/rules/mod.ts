/**
 * One rule language for the trader's own ideas, shared by the screener, the `rule` strategy
 * and alerts: parse (Peggy), type-check against the indicator registry, compile to the
 * existing `Float64Array` indicator functions (common sub-expressions once) and evaluate per
 * bar, causally. Pure.
 *
 * @example
 * ```ts
 * import { compileRule, evaluateRule, ruleFunctions } from "./mod.ts";
 * import type { OhlcvColumns as Cols } from "../market_data/series.ts";
 * const rule = compileRule("rsi(14) crosses_above 30 and close > sma(200)", { expect: "condition" });
 * const hitsOf = (cols: Cols) => evaluateRule(rule, cols); // Uint8Array, 1 where true
 * const catalogue = ruleFunctions();
 * ```
 *
 * @module
 */
export type { Expr, Span } from "./ast.ts";
export type { Node, ValueKind } from "./nodes.ts";
export { MAX_NESTING, MAX_RULE_LENGTH, parseRule } from "./parse.ts";
export { checkRule } from "./check.ts";
export {
  type CompiledRule,
  type CompileOptions,
  compileRule,
  type RuleParamInfo,
  ruleParams,
} from "./compile.ts";
export { DEFAULT_BUDGET, type EvaluateOptions, evaluateRule } from "./evaluate.ts";
export { MAX_LOOKBACK, type RuleFunction, ruleFunctions, type RuleParamDoc } from "./functions.ts";
export {
  RuleError,
  type RuleErrorDetails,
  type RuleTimeoutDetails,
  RuleTimeoutError,
  type WireSpan,
} from "./rule_error.ts";
export {
  planScreen,
  screen,
  type ScreenItem,
  type ScreenMatch,
  screenOne,
  type ScreenOptions,
  type ScreenPlan,
  screenSteps,
} from "./screen.ts";
export {
  type PacedScreenOptions,
  SCREEN_DEADLINE_MS,
  SCREEN_SLICE_MS,
  screenPaced,
} from "./screen_paced.ts";
export {
  compileRuleSet,
  type RuleSet,
  type RuleSetText,
  type RuleTargetOptions,
  ruleTargets,
} from "./targets.ts";
