/**
 * Timeframes: weekly and monthly bars aggregated from daily bars, whether the last period has
 * ended, their cache, and {@link loadBars}, the one source of bars at any interval.
 *
 * @module
 */
export { aggregateCalendar, completeBarCount, type TimeframeSeries } from "./aggregate.ts";
export { barsPerYear } from "./bars_per_year.ts";
export { calendarView, TimeframeCache } from "./cache.ts";
export {
  availableIntervals,
  type BarSources,
  type IntradayBarSource,
  lastStoredDay,
  loadBars,
  timeframeCacheOf,
} from "./load_bars.ts";
export { periodEnded } from "./partial.ts";
export { epochDay, monthKey, periodKeys, weekKey } from "./period.ts";
