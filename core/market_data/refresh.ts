/**
 * Backfill and incremental refresh of a symbol from its online provider: the answer is
 * reconciled against stored history and either applied in one transaction or quarantined.
 * Whatever the symbol's origin (embedded, CSV import, online), a refresh only appends and
 * reconciles: it never deletes stored bars nor renames the symbol. Replacing the history is a
 * separate, explicit `replace` (an admin operation). One refresh per symbol runs at a time.
 *
 * @module
 */
import { UpstreamError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import { addDays } from "../calendars/dates.ts";
import { marketOf } from "../calendars/calendar.ts";
import type { MarketDataProvider } from "./provider.ts";
import type { OnlineStore } from "./online_store.ts";
import { reconcile } from "./reconcile.ts";
import type { MarketRepository } from "./repository.ts";
import type { SeriesCache } from "./series_cache.ts";
import { refreshLocks, type SymbolLocks } from "./symbol_locks.ts";

/** What a refresh needs. */
export interface RefreshDeps {
  /** Stored bars. */
  market: MarketRepository;
  /** Actions, sources, quarantine. */
  online: OnlineStore;
  /** Series cache (invalidated after a write). */
  series: SeriesCache;
  /** Providers by id (`yahoo`, `twse`). */
  providers: Record<string, MarketDataProvider>;
  /** Clock. */
  now: () => number;
  /** Logger. */
  logger: Logger;
  /** Per-symbol locks (default: the process's {@link refreshLocks}). */
  locks?: SymbolLocks;
}

/** Options of {@link refreshSymbol}. */
export interface RefreshOptions {
  /** First date to fetch (default: a week before the last stored bar, or 10 years back). */
  from?: string;
  /** Last date to fetch (default: today). */
  to?: string;
  /** Put the symbol in the default universe. */
  inUniverse?: boolean;
  /** Display name of a symbol not stored yet (a stored symbol keeps its name). */
  name?: string;
  /** Progress of the upstream requests. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the refresh (client gone, shutdown): nothing is written. */
  signal?: AbortSignal;
  /**
   * Admin only: delete the stored bars and corporate actions and store the provider's answer
   * instead (and apply `name` to a stored symbol).
   */
  replace?: boolean;
}

/** Outcome of a refresh. */
export interface RefreshResult {
  /** Ticker. */
  symbol: string;
  /** Provider used. */
  provider: string;
  /** `applied`, `quarantined` or `unchanged`. */
  status: "applied" | "quarantined" | "unchanged";
  /** New bars written. */
  written: number;
  /** Reason when quarantined. */
  reason?: string;
  /** Last stored date after the refresh. */
  as_of: string | null;
}

/** The provider id serving a ticker: TWSE for `.TW`, Yahoo for everything else. */
export function providerFor(symbol: string): "twse" | "yahoo" {
  return marketOf(symbol) === "TW" ? "twse" : "yahoo";
}

/**
 * Fetches `symbol` from its provider and stores what reconciles. A first load backfills
 * `[from, today]` (default 10 years); a stored symbol (from any source) is fetched from a week
 * before its last bar, so the overlap is checked, and the answer is only appended. Runs under
 * the symbol's lock, so two refreshes of one symbol never interleave.
 */
export function refreshSymbol(
  d: RefreshDeps,
  symbol: string,
  options: RefreshOptions = {},
): Promise<RefreshResult> {
  return (d.locks ?? refreshLocks).run(
    symbol,
    () => refreshUnlocked(d, symbol, options),
    options.signal,
  );
}

async function refreshUnlocked(
  d: RefreshDeps,
  symbol: string,
  { from, to, inUniverse = false, name, onProgress, signal, replace = false }: RefreshOptions,
): Promise<RefreshResult> {
  const providerId = providerFor(symbol);
  const provider = d.providers[providerId];
  if (!provider) throw new UpstreamError(`No ${providerId} provider configured`);
  const today = new Date(d.now()).toISOString().slice(0, 10);
  const src = await d.online.source(symbol);
  const foreign = src !== null && src.provider !== providerId;
  const extent = replace || !src ? { bars: 0, last: null } : await d.market.extent(symbol);
  const start = from ?? (extent.last ? addDays(extent.last, -7) : addDays(today, -3653));
  const end = to ?? today;
  const answer = await provider.candles(
    symbol,
    { from: start, to: end },
    { ...(onProgress ? { onProgress } : {}), ...(signal ? { signal } : {}) },
  );
  signal?.throwIfAborted();
  const basis = (answer as { basis?: "raw" | "split_adjusted" }).basis ?? "raw";
  const stored = extent.bars > 0 ? await d.market.loadSeries(symbol) : null;
  const r = reconcile(stored, answer, { rebaseOnSplit: basis === "split_adjusted" });
  const nowIso = new Date(d.now()).toISOString();
  if (r.kind === "quarantine") {
    await d.online.quarantine({
      symbol,
      provider: providerId,
      received_at: nowIso,
      reason: r.reason,
      details: JSON.stringify(r.conflicts),
    });
    d.logger.warn("provider answer quarantined", {
      symbol,
      provider: providerId,
      reason: r.reason,
    });
    return {
      symbol,
      provider: providerId,
      status: "quarantined",
      written: 0,
      reason: r.reason,
      as_of: extent.last,
    };
  }
  if (r.rejected.length) {
    // Bad bars are refused at the edge and reported; the valid rest of the answer is applied.
    const reason = `${r.rejected.length} bar(s) refused: ${
      r.rejected.slice(0, 3).map((x) => `${x.date} ${x.reason}`).join("; ")
    }`;
    await d.online.quarantine({
      symbol,
      provider: providerId,
      received_at: nowIso,
      reason,
      details: JSON.stringify(r.rejected),
    });
    d.logger.warn("provider bars refused", { symbol, provider: providerId, reason });
  }
  if (r.newBars.length === 0 && r.rescale.length === 0 && !foreign && src) {
    return { symbol, provider: providerId, status: "unchanged", written: 0, as_of: extent.last };
  }
  const written = await d.online.applyRefresh({
    symbol,
    name: name ?? answer.meta.name ?? symbol,
    nameZh: answer.meta.nameZh ?? null,
    rename: !src || (replace && name !== undefined),
    market: marketOf(symbol),
    currency: answer.meta.currency,
    provider: providerId,
    basis,
    inUniverse,
    replaceAll: replace,
    bars: r.newBars,
    rescale: r.rescale,
    splits: r.splits,
    dividends: r.dividends,
    now: nowIso,
  });
  d.series.invalidate();
  const after = await d.market.extent(symbol);
  d.logger.info("symbol refreshed", { symbol, provider: providerId, written, as_of: after.last });
  return { symbol, provider: providerId, status: "applied", written, as_of: after.last };
}
