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
import { smaCross } from "./sma_cross.ts";
import type { AnyStrategy } from "./types.ts";

export * from "./types.ts";
export { IndicatorCache, NoCache } from "./indicator_cache.ts";

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
});

/** The strategy with this id, or undefined. */
export function findStrategy(id: string): AnyStrategy | undefined {
  return Object.hasOwn(STRATEGIES, id) ? STRATEGIES[id] : undefined;
}
