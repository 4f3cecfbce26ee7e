/**
 * The strategy registry. Pure.
 *
 * @module
 */
import { analystRules } from "./analyst_rules.ts";
import { bollingerBands } from "./bollinger_bands.ts";
import { compositeStrategy } from "./composite.ts";
import { emaCross } from "./ema_cross.ts";
import { macdTrend } from "./macd_trend.ts";
import { patternBreakout } from "./pattern_breakout.ts";
import { rsiReversion } from "./rsi_reversion.ts";
import { ruleStrategy } from "./rule.ts";
import { ruleStrategyFor } from "./rule_for.ts";
import { smaCross } from "./sma_cross.ts";
import type { AnyStrategy } from "./types.ts";

export * from "./types.ts";
export { IndicatorCache, NoCache } from "../indicators/indicator_cache.ts";
export { ruleStrategy } from "./rule.ts";
export { ruleStrategyFor } from "./rule_for.ts";

/** Every strategy by id, in display order. */
export const STRATEGIES: Readonly<Record<string, AnyStrategy>> = Object.freeze({
  [smaCross.id]: smaCross,
  [emaCross.id]: emaCross,
  [rsiReversion.id]: rsiReversion,
  [macdTrend.id]: macdTrend,
  [bollingerBands.id]: bollingerBands,
  [analystRules.id]: analystRules,
  [patternBreakout.id]: patternBreakout,
  [compositeStrategy.id]: compositeStrategy,
  [ruleStrategy.id]: ruleStrategy,
});

/** The strategy with this id, or undefined. */
export function findStrategy(id: string): AnyStrategy | undefined {
  return Object.hasOwn(STRATEGIES, id) ? STRATEGIES[id] : undefined;
}

/**
 * The strategy with this id as a request with these `params` will run it: the `rule` strategy
 * specialised to the request's rules (exact `$parameters`, bounds, grid; a broken rule throws
 * its `RuleError`), any other strategy as registered. Undefined for an unknown id.
 *
 * @example
 * ```ts
 * import { strategyFor } from "./mod.ts";
 * strategyFor("rule", { entry: "rsi($n = 14) < 30" })?.grid; // { n: [14] }
 * strategyFor("sma_cross", {})?.id; // "sma_cross"
 * ```
 */
export function strategyFor(id: string, params: unknown): AnyStrategy | undefined {
  return id === ruleStrategy.id ? ruleStrategyFor(params) : findStrategy(id);
}
