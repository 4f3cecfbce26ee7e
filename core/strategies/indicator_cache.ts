/**
 * Moved to `core/indicators/indicator_cache.ts` (rules, backtests and strategies all read it, so it
 * lives below them). This path re-exports it only while work in progress that imports it here
 * (alerts) moves over; delete it when nothing imports it.
 *
 * @deprecated import from `../indicators/indicator_cache.ts`
 * @module
 */
export { IndicatorCache, NoCache } from "../indicators/indicator_cache.ts";
