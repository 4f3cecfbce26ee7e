/**
 * Online intraday bars into the intraday store (`deno task fetch SYMBOL --interval 5m`): asks
 * an intraday provider (Yahoo Finance) for a range, keeps the bars inside the session that have
 * ended (a bar still in progress at `now` is left for the next fetch) and upserts them
 * idempotently (a repeated fetch writes only what changed; the data version is
 * bumped when something did, so core notices).
 *
 * @module
 */
import { INTRADAY_MINUTES, type IntradayInterval } from "@trading/shared/schemas";
import { filterSession } from "../intraday/aggregate.ts";
import { sessionOf } from "../intraday/session.ts";
import { columnsFromBars, type IntradayBar } from "../intraday/types.ts";
import { isoLocal, LocalClock } from "../intraday/zoned_time.ts";
import type { IntradayStore } from "./intraday_store.ts";

/** A source of intraday bars (Yahoo's adapter implements it). */
export interface IntradayProvider {
  /** Stable id, e.g. `yahoo`. */
  readonly id: string;
  /** Bars over `[from, to)` (UTC ms); refuses a range the upstream does not keep. */
  intradayCandles(
    symbol: string,
    interval: IntradayInterval,
    range: { from: number; to: number },
    options?: { signal?: AbortSignal; now?: number; extended?: boolean },
  ): Promise<{ bars: IntradayBar[]; timeZone?: string; currency: string }>;
}

/** Outcome of {@link fetchIntraday}. */
export interface IntradayFetchResult {
  /** Bars received inside the session. */
  bars: number;
  /** Rows inserted or changed. */
  written: number;
  /** Exchange-local times of the first and last bar, null without bars. */
  span: [string, string] | null;
}

/** Fetches `symbol` at `interval` over `[from, to)` and stores it; see the module doc. */
export async function fetchIntraday(
  store: IntradayStore,
  provider: IntradayProvider,
  symbol: string,
  interval: IntradayInterval,
  { from, to, now, extended = false, name, signal }: {
    from: number;
    to: number;
    now: number;
    extended?: boolean;
    name?: string;
    signal?: AbortSignal;
  },
): Promise<IntradayFetchResult> {
  const h = await provider.intradayCandles(symbol, interval, { from, to }, {
    now,
    extended,
    ...(signal ? { signal } : {}),
  });
  const timeZone = h.timeZone ?? (await store.timeZone(symbol)) ?? "America/New_York";
  const session = sessionOf(timeZone);
  const kept = filterSession(columnsFromBars(h.bars), session, extended);
  const close = (extended ? session.extended : session.regular).close;
  const clock = new LocalClock(timeZone);
  const bars: IntradayBar[] = [];
  for (let i = 0; i < kept.ts.length; i++) {
    const ts = kept.ts[i]!;
    clock.at(ts);
    const end = Math.min(
      ts + INTRADAY_MINUTES[interval] * 60_000,
      ts - clock.msOfDay + close * 60_000,
    );
    if (end > now) continue; // still in progress: stored once it has ended, never half-made
    bars.push({
      ts,
      open: kept.open[i]!,
      high: kept.high[i]!,
      low: kept.low[i]!,
      close: kept.close[i]!,
      volume: kept.volume[i]!,
    });
  }
  if (!bars.length) return { bars: 0, written: 0, span: null };
  const written = await store.write(
    {
      symbol,
      name: name ?? symbol,
      market: timeZone === "Asia/Taipei" ? "TW" : "US",
      currency: h.currency,
      source: provider.id,
      timeZone,
    },
    interval,
    bars,
  );
  return {
    bars: bars.length,
    written,
    span: [isoLocal(timeZone, bars[0]!.ts), isoLocal(timeZone, bars.at(-1)!.ts)],
  };
}

/** An intraday provider that also tells how far back it keeps each interval. */
export type IntradayHistoryProvider = IntradayProvider & {
  /** Days back the provider keeps bars of `interval`. */
  historyDays(interval: IntradayInterval): number;
};

/** `p` as an {@link IntradayHistoryProvider}, or null when it is not one (a daily-only provider). */
export function asIntradayProvider(p: unknown): IntradayHistoryProvider | null {
  const q = p as Partial<IntradayHistoryProvider> | null | undefined;
  return typeof q?.intradayCandles === "function" && typeof q.historyDays === "function"
    ? q as IntradayHistoryProvider
    : null;
}

/** An online source of intraday bars for `IntradayBars` (Yahoo Finance). */
export interface IntradayFetcher {
  /**
   * The provider, read at each fetch (so a deployment's provider can be swapped, as tests do);
   * null when there is none.
   */
  provider: () => IntradayHistoryProvider | null;
  /** The clock (ms since epoch). */
  now: () => number;
  /**
   * Least time between two fetches of one symbol and interval, and the age of the last stored
   * bar that calls for a new fetch (default 15 minutes).
   */
  retryMs?: number;
}

/**
 * Keeps a symbol's intraday interval fetched from an online provider: fetches the interval
 * itself when the store lacks it (as far back as the provider keeps it: Yahoo's 1h goes back
 * 730 days, its 5m only 60) or when its last bar is older than `retryMs` (then from a day before
 * that bar), at most once per `retryMs` per symbol and interval.
 */
export class IntradayRefresher {
  readonly #store: IntradayStore;
  readonly #fetcher: IntradayFetcher;
  readonly #fetchedAt = new Map<string, number>();

  /**
   * @param store where the bars are stored
   * @param fetcher the provider and the clock
   */
  constructor(store: IntradayStore, fetcher: IntradayFetcher) {
    this.#store = store;
    this.#fetcher = fetcher;
  }

  /** Fetches `symbol` at `interval` when missing or old (see the class doc). */
  async refresh(symbol: string, interval: IntradayInterval): Promise<void> {
    const f = this.#fetcher;
    const provider = f.provider();
    if (!provider) return;
    const retryMs = f.retryMs ?? 15 * 60_000;
    const now = f.now();
    const exact = (await this.#store.extents(symbol)).find((e) => e.interval === interval);
    if (exact?.last != null && now - exact.last < retryMs) return;
    const key = `${symbol}|${interval}`;
    if (now - (this.#fetchedAt.get(key) ?? -Infinity) < retryMs) return;
    this.#fetchedAt.set(key, now);
    const earliest = now - provider.historyDays(interval) * 86_400_000 + 60_000;
    const from = exact?.last != null ? Math.max(exact.last - 86_400_000, earliest) : earliest;
    await fetchIntraday(this.#store, provider, symbol, interval, { from, to: now, now });
  }
}
