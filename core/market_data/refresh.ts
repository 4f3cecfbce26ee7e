/**
 * Backfill and incremental refresh of a symbol from its online provider: the answer is
 * reconciled against stored history and either applied in one transaction or quarantined.
 * A provider failure never deletes or overwrites stored bars.
 *
 * @module
 */
import { UpstreamError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import { addDays } from "../calendars/dates.ts";
import { marketOf } from "../calendars/calendar.ts";
import type { MarketDataProvider } from "../providers/types.ts";
import type { OnlineStore } from "./online_store.ts";
import { reconcile } from "./reconcile.ts";
import type { MarketRepository } from "./repository.ts";
import type { SeriesCache } from "./series_cache.ts";

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
 * Fetches `symbol` from its provider and stores what reconciles. A first load (or a symbol
 * that came from the embedded set or a CSV) backfills `[from, today]` (default 10 years);
 * later calls fetch from a week before the last stored bar, so the overlap is checked.
 */
export async function refreshSymbol(
  d: RefreshDeps,
  symbol: string,
  { from, to, inUniverse = false, name, onProgress }: {
    from?: string;
    to?: string;
    inUniverse?: boolean;
    name?: string;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<RefreshResult> {
  const providerId = providerFor(symbol);
  const provider = d.providers[providerId];
  if (!provider) throw new UpstreamError(`No ${providerId} provider configured`);
  const today = new Date(d.now()).toISOString().slice(0, 10);
  const src = await d.online.source(symbol);
  const foreign = src !== null && src.provider !== providerId;
  const extent = foreign || !src ? { bars: 0, last: null } : await d.market.extent(symbol);
  const start = from ?? (extent.last ? addDays(extent.last, -7) : addDays(today, -3653));
  const end = to ?? today;
  const answer = await provider.candles(
    symbol,
    { from: start, to: end },
    onProgress ? { onProgress } : {},
  );
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
    market: marketOf(symbol),
    currency: answer.meta.currency,
    provider: providerId,
    basis,
    inUniverse,
    replaceAll: foreign,
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
