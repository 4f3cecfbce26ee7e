/**
 * The screener's universe: every stored symbol's columns held in memory at once, rebuilt only
 * when the data changes. It follows the series cache's data versions, so an import, a sync or
 * a backfill (each bumps the symbol's version; local ones also call `series.invalidate()`)
 * invalidates it, and a screen in between costs no query and no copy.
 *
 * @module
 */
import type { CalendarInterval } from "@trading/shared/schemas";
import type { Series } from "../market_data/series.ts";
import type { SeriesCache } from "../market_data/series_cache.ts";
import { timeframeCacheOf } from "../timeframes/load_bars.ts";

/** A symbol's columns as screened (split-adjusted, like charts and backtests). */
export type UniverseSeries = Series;

function same(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [k, v] of a) if (b.get(k) !== v) return false;
  return true;
}

/** In-memory columns of every stored symbol, keyed by the data versions they were read at. */
export class UniverseCache {
  readonly #series: SeriesCache;
  #versions: ReadonlyMap<string, number> | null = null;
  #all = new Map<string, UniverseSeries>();
  #pending: Promise<ReadonlyMap<string, UniverseSeries>> | null = null;
  /** Weekly and monthly views of a daily universe map (dropped with it). */
  #views = new WeakMap<
    ReadonlyMap<string, UniverseSeries>,
    Map<CalendarInterval, ReadonlyMap<string, UniverseSeries>>
  >();
  /** How many times the universe was (re)built, for tests. */
  builds = 0;

  /** @param series the per-symbol cache whose versions and columns this follows */
  constructor(series: SeriesCache) {
    this.#series = series;
  }

  /**
   * Every stored symbol with at least one bar, by symbol (alphabetical). The same map object
   * is returned until a symbol's data version changes (then only changed symbols are re-read).
   *
   * @example
   * ```ts ignore
   * const universe = new UniverseCache(deps.series);
   * const all = await universe.all(); // Map<"AAPL" | …, Series>
   * ```
   */
  async all(interval: CalendarInterval = "1d"): Promise<ReadonlyMap<string, UniverseSeries>> {
    const daily = await this.#daily();
    return interval === "1d" ? daily : this.#at(daily, interval);
  }

  async #daily(): Promise<ReadonlyMap<string, UniverseSeries>> {
    const versions = await this.#series.versions();
    if (this.#versions && same(versions, this.#versions)) return this.#all;
    this.#pending ??= this.#rebuild(versions).finally(() => (this.#pending = null));
    return await this.#pending;
  }

  /** The universe's weekly or monthly bars (each aggregated once per data version). */
  #at(
    daily: ReadonlyMap<string, UniverseSeries>,
    interval: CalendarInterval,
  ): ReadonlyMap<string, UniverseSeries> {
    let views = this.#views.get(daily);
    if (!views) this.#views.set(daily, views = new Map());
    let view = views.get(interval);
    if (!view) {
      const cache = timeframeCacheOf(this.#series);
      view = new Map([...daily].map(([k, s]) => [k, cache.get(s, interval, "split")]));
      views.set(interval, view);
    }
    return view;
  }

  async #rebuild(
    versions: ReadonlyMap<string, number>,
  ): Promise<ReadonlyMap<string, UniverseSeries>> {
    const next = new Map<string, UniverseSeries>();
    for (const symbol of [...versions.keys()].sort()) {
      const had = this.#all.get(symbol);
      const s = had && had.version === versions.get(symbol)
        ? had
        : await this.#series.get(symbol).catch(() => null);
      if (s && s.close.length > 0) next.set(symbol, s);
    }
    this.#all = next;
    this.#versions = versions;
    this.builds++;
    return next;
  }

  /**
   * The columns of `symbols` (unknown or empty ones are left out, in the order given). A
   * symbol served by name but not stored yet (bundled data loaded on first use: SPX, IBM, …)
   * is loaded first, as a candles request would, so a screen naming it does not depend on
   * whether something else asked for it before.
   */
  async pick(
    symbols: readonly string[],
    interval: CalendarInterval = "1d",
  ): Promise<Map<string, UniverseSeries>> {
    let all = await this.all(interval);
    const missing = symbols.filter((s) => !all.has(s));
    if (missing.length > 0 && await this.#series.ensure(missing)) all = await this.all(interval);
    const out = new Map<string, UniverseSeries>();
    for (const s of symbols) {
      const cols = all.get(s);
      if (cols) out.set(s, cols);
    }
    return out;
  }
}
