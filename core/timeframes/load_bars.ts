/**
 * The one place a symbol's bars at an interval come from: every route, tool, backtest and bot
 * that takes an `interval` calls {@link loadBars}. Daily bars come from the series cache
 * (adjusted there); weekly and monthly bars are aggregated from them and cached per
 * (symbol, interval, adjust, data version); intraday bars come from the intraday store when the
 * deployment has one (`deps.intraday`), and are a clear 404 otherwise.
 *
 * @module
 */
import { NotFoundError } from "@trading/shared/errors";
import { CALENDAR_INTERVALS, type Interval, isIntraday } from "@trading/shared/schemas";
import type { AdjustMode } from "../market_data/adjust.ts";
import type { Series } from "../market_data/series.ts";
import type { TimeframeSeries } from "./aggregate.ts";
import { TimeframeCache } from "./cache.ts";

/** A store of intraday bars: the plug point of the intraday track. */
export interface IntradayBarSource {
  /**
   * The symbol's bars at an intraday interval (`adjust` applied), regular session unless
   * `extended` (pre- and post-market too), or null when it has none at that interval.
   */
  load(
    symbol: string,
    interval: Interval,
    adjust: AdjustMode,
    options?: { extended?: boolean },
  ): Promise<TimeframeSeries | null>;
  /** The intraday intervals the symbol has bars at (stored, bundled, or aggregated from them). */
  intervals?(symbol: string): Promise<readonly Interval[]>;
}

/** What {@link loadBars} reads. */
export interface BarSources {
  /** Daily bars per adjust mode (the series cache). */
  series: { get(symbol: string, options?: { adjust?: AdjustMode }): Promise<Series> };
  /** Intraday bars, when the deployment stores them. */
  intraday?: IntradayBarSource | undefined;
}

const caches = new WeakMap<object, TimeframeCache>();

/**
 * The intervals `symbol` has bars at, shortest first: the intraday intervals the intraday store
 * serves from its stored (or bundled) bars, then `1d`, `1w`, `1mo` when it has daily bars.
 * Throws {@link NotFoundError} (the series cache's, saying how to load data) when it has neither.
 */
export async function availableIntervals(deps: BarSources, symbol: string): Promise<Interval[]> {
  const intraday = (await deps.intraday?.intervals?.(symbol)) ?? [];
  const daily = await deps.series.get(symbol).then(
    (s) => s.dates.length > 0,
    (e) => {
      if (e instanceof NotFoundError && intraday.length > 0) return false;
      throw e;
    },
  );
  return [...intraday, ...(daily ? CALENDAR_INTERVALS : [])];
}

/**
 * The last trading day the data of `bars` (loaded by {@link loadBars}) reaches, for freshness:
 * the last daily bar's date for daily, weekly and monthly bars (a week is labelled with its
 * first day), the day of the last bar for intraday bars (whose dates are local times).
 */
export async function lastStoredDay(
  deps: BarSources,
  bars: TimeframeSeries,
  adjust: AdjustMode = "split",
): Promise<string | null> {
  if (bars.interval === "1d" || isIntraday(bars.interval)) {
    return bars.dates.at(-1)?.slice(0, 10) ?? null;
  }
  return (await deps.series.get(bars.symbol, { adjust })).dates.at(-1) ?? null;
}

/** The timeframe cache that belongs to a series cache (one per series cache, made on first use). */
export function timeframeCacheOf(series: object): TimeframeCache {
  let cache = caches.get(series);
  if (!cache) caches.set(series, cache = new TimeframeCache());
  return cache;
}

/**
 * The bars of `symbol` at `interval`, prices adjusted by `adjust` (split-adjusted by default)
 * before any aggregation; intraday bars cover the regular session unless `extended` (pre- and
 * post-market too, where the stored bars have them). Throws {@link NotFoundError} for an unknown
 * symbol, or for an intraday interval the symbol has no bars at.
 *
 * @example
 * ```ts ignore
 * const weekly = await loadBars(deps, "SPX", "1w");
 * weekly.partial; // true while the week of the last stored bar has not ended
 * ```
 */
export async function loadBars(
  deps: BarSources,
  symbol: string,
  interval: Interval = "1d",
  adjust: AdjustMode = "split",
  { extended = false }: { extended?: boolean } = {},
): Promise<TimeframeSeries> {
  if (isIntraday(interval)) {
    const bars = deps.intraday
      ? await deps.intraday.load(symbol, interval, adjust, { extended })
      : null;
    if (bars) return bars;
    const available = await availableIntervals(deps, symbol); // an unknown symbol: its own 404
    throw new NotFoundError(
      `No intraday bars for ${symbol} at ${interval}: only ${available.join(", ")} ` +
        `are available for it. ` +
        `Intraday bars are imported with \`deno task import FILE --symbol ${symbol} ` +
        `--interval ${interval}\` where the deployment stores them.`,
      { symbol, interval },
    );
  }
  const daily = await deps.series.get(symbol, { adjust });
  return timeframeCacheOf(deps.series).get(daily, interval, adjust);
}
