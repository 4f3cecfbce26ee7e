/**
 * Intraday bars at any intraday interval, for `loadBars` (core/timeframes): the stored bars at
 * that interval when there are some, else the longest stored interval that divides it,
 * aggregated within the session (`aggregateSession`). The bundled hourly dataset is loaded on
 * first use. Results are cached per (symbol, interval, adjust, session, data version), so an
 * import or sync (which bumps the symbol's data version) is noticed at the next request.
 *
 * @module
 */
import {
  type Interval,
  INTRADAY_INTERVALS,
  INTRADAY_MINUTES,
  type IntradayInterval,
  isIntraday,
} from "@trading/shared/schemas";
import { aggregateSession, filterSession } from "../intraday/aggregate.ts";
import { sessionOf } from "../intraday/session.ts";
import type { IntradayColumns } from "../intraday/types.ts";
import { isoLocalSeries } from "../intraday/zoned_time.ts";
import { type Actions, type AdjustMode, adjustSeries } from "./adjust.ts";
import { actionsFromLeanFactors } from "./lean_factors.ts";
import {
  type IntradayManifestEntry,
  readIntradayManifest,
  seedDailyEntry,
  seedIntradayEntry,
} from "./intraday_embedded.ts";
import { type IntradayFetcher, IntradayRefresher } from "./intraday_fetch.ts";
import type { IntradayStore } from "./intraday_store.ts";
import type { OnlineStore } from "./online_store.ts";
import type { MarketRepository } from "./repository.ts";
import type { Series } from "./series.ts";

const NO_ACTIONS: Actions = { splits: [], dividends: [] };

/** Intraday bars as a series: `dates` are exchange-local ISO times with their offset. */
export interface IntradaySeries extends Series {
  /** The bar interval. */
  interval: Interval;
  /** True when the last bar's bucket is not complete in the data (it may still change). */
  partial: boolean;
  /** Bar starts, UTC ms. */
  ts: Float64Array;
  /** IANA time zone of the exchange (`dates` are local to it). */
  timeZone: string;
}

/** Options of {@link IntradayBars}. */
export interface IntradayBarsOptions {
  /** The bundled intraday dataset's folder (`<DATA_DIR>/intraday`); none when absent. */
  embeddedDir?: string;
  /** Corporate actions (split adjustment); prices are served as stored without it. */
  online?: OnlineStore;
  /**
   * Daily storage: with `online`, the bundled daily files of symbols outside the embedded daily
   * set (SPY, IBM, BAC, QQQ, GOOGL, …) are loaded on first use too.
   */
  market?: MarketRepository;
  /** Online deployments: where intraday bars missing from the store are fetched. */
  fetcher?: IntradayFetcher;
  /** Cached series kept (default 16: 23 years of hours are ~4 MB each). */
  maxEntries?: number;
}

/** Reads, aggregates and caches intraday bars; the intraday plug point of `loadBars`. */
export class IntradayBars {
  readonly #store: IntradayStore;
  readonly #online: OnlineStore | undefined;
  readonly #market: MarketRepository | undefined;
  readonly #dir: string | undefined;
  readonly #max: number;
  readonly #cache = new Map<string, IntradaySeries>();
  readonly #seeding = new Map<string, Promise<void>>();
  readonly #factorActions = new Map<string, Promise<Actions>>();
  readonly #refresher: IntradayRefresher | undefined;
  #manifest: Promise<IntradayManifestEntry[]> | null = null;

  /** @param store where intraday bars are stored */
  constructor(
    store: IntradayStore,
    { embeddedDir, online, market, fetcher, maxEntries = 16 }: IntradayBarsOptions = {},
  ) {
    this.#store = store;
    this.#refresher = fetcher ? new IntradayRefresher(store, fetcher) : undefined;
    this.#market = market;
    this.#online = online;
    this.#dir = embeddedDir;
    this.#max = maxEntries;
  }

  /**
   * The splits and dividends prices are adjusted with: those of the bundled factor file when
   * the symbol's bars are bundled (raw LEAN prices), else the stored ones (online providers).
   */
  async #actions(symbol: string, dates: readonly string[]): Promise<Actions> {
    const entry = (await this.manifest()).find((e) => e.symbol === symbol && e.factors);
    if (entry && this.#dir) {
      let p = this.#factorActions.get(symbol);
      if (!p) {
        const days = [...new Set(dates.map((d) => d.slice(0, 10)))];
        p = Deno.readTextFile(`${this.#dir}/${entry.factors}`)
          .then((text) => actionsFromLeanFactors(text, days));
        this.#factorActions.set(symbol, p);
        p.catch(() => this.#factorActions.delete(symbol));
      }
      return await p;
    }
    return this.#online ? await this.#online.actions(symbol) : NO_ACTIONS;
  }

  /** The bundled files (empty without a dataset folder). */
  manifest(): Promise<IntradayManifestEntry[]> {
    this.#manifest ??= this.#dir ? readIntradayManifest(this.#dir) : Promise.resolve([]);
    return this.#manifest;
  }

  /**
   * Loads the bundled files of `symbol` into the store once (no-op when not bundled): its
   * intraday bars and, for a symbol outside the embedded daily set, its daily bars. The series
   * cache calls it for a symbol it does not know, so SPY's daily bars exist on first request.
   */
  async ensureEmbedded(symbol: string): Promise<void> {
    const entries = (await this.manifest()).filter((e) => e.symbol === symbol);
    if (!entries.length || !this.#dir) return;
    let p = this.#seeding.get(symbol);
    if (!p) {
      const dir = this.#dir;
      p = (async () => {
        for (const e of entries) {
          if (this.#market && this.#online) {
            await seedDailyEntry(this.#market, this.#online, dir, e);
          }
          await seedIntradayEntry(this.#store, dir, e);
        }
      })();
      this.#seeding.set(symbol, p);
      p.catch(() => this.#seeding.delete(symbol)); // a failed load is retried next time
    }
    await p;
  }

  /**
   * The intraday intervals `symbol` can be served at: every interval that a stored (or
   * bundled) interval divides into.
   */
  async intervals(symbol: string): Promise<IntradayInterval[]> {
    const stored = new Set<IntradayInterval>(
      (await this.#store.extents(symbol)).map((e) => e.interval),
    );
    for (const e of await this.manifest()) {
      if (e.symbol === symbol && e.interval) stored.add(e.interval);
    }
    return INTRADAY_INTERVALS.filter((i) =>
      [...stored].some((s) => INTRADAY_MINUTES[i] % INTRADAY_MINUTES[s] === 0)
    );
  }

  /**
   * The bars of `symbol` at the intraday `interval` (`adjust` applied with the symbol's splits
   * and dividends: the bundled factor file's, else the stored ones), regular session unless
   * `extended`; null when the symbol has no stored interval that divides it (or `interval` is
   * not intraday). Online, the interval is first fetched from the provider when missing or
   * older than `retryMs` (see {@link IntradayFetcher}).
   */
  async load(
    symbol: string,
    interval: Interval,
    adjust: AdjustMode = "split",
    { extended = false }: { extended?: boolean } = {},
  ): Promise<IntradaySeries | null> {
    if (!isIntraday(interval)) return null;
    await this.ensureEmbedded(symbol);
    const bundled = (await this.manifest()).some((e) =>
      e.symbol === symbol && e.interval === interval
    );
    // a bundled interval is not fetched: Yahoo's hours (09:30, 10:30, …) would mix with LEAN's
    if (this.#refresher && !bundled) await this.#refresher.refresh(symbol, interval);
    const meta = await this.#store.meta(symbol);
    if (!meta) return null;
    const key = `${symbol}|${interval}|${adjust}|${extended ? "ext" : "reg"}`;
    const hit = this.#cache.get(key);
    if (hit && hit.version === meta.version) {
      this.#cache.delete(key);
      this.#cache.set(key, hit); // most recently used last
      return hit;
    }
    const target = INTRADAY_MINUTES[interval];
    const source = (await this.#store.extents(symbol))
      .filter((e) => target % INTRADAY_MINUTES[e.interval] === 0)
      .sort((a, b) => INTRADAY_MINUTES[b.interval] - INTRADAY_MINUTES[a.interval])[0];
    if (!source) return null;
    const session = sessionOf(meta.timeZone);
    const cols = await this.#store.columns(symbol, source.interval);
    const sourceMinutes = INTRADAY_MINUTES[source.interval];
    let out: IntradayColumns;
    let partial = false;
    if (sourceMinutes === target) out = filterSession(cols, session, extended);
    else {
      const agg = aggregateSession(cols, { minutes: target, sourceMinutes, session, extended });
      out = agg;
      const lastInput = cols.ts.length ? cols.ts[cols.ts.length - 1]! : NaN;
      partial = agg.ts.length > 0 && lastInput + sourceMinutes * 60_000 < agg.lastEnd;
    }
    const raw: Series = {
      symbol,
      dates: isoLocalSeries(meta.timeZone, out.ts),
      open: out.open as Float64Array,
      high: out.high as Float64Array,
      low: out.low as Float64Array,
      close: out.close as Float64Array,
      volume: out.volume as Float64Array,
      version: meta.version,
      market: meta.market,
    };
    const actions = adjust === "none" ? NO_ACTIONS : await this.#actions(symbol, raw.dates);
    const adjusted = adjustSeries(raw, "raw", adjust, actions);
    const series: IntradaySeries = {
      ...adjusted,
      interval,
      partial,
      ts: out.ts as Float64Array,
      timeZone: meta.timeZone,
    };
    this.#cache.set(key, series);
    if (this.#cache.size > this.#max) this.#cache.delete(this.#cache.keys().next().value!);
    return series;
  }
}
