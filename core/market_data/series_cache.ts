import { NotFoundError } from "@trading/shared/errors";
import { type Actions, type AdjustMode, adjustSeries, type PriceBasis } from "./adjust.ts";
import type { OnlineStore } from "./online_store.ts";
import type { MarketRepository } from "./repository.ts";
import type { Series } from "./series.ts";

interface Entry {
  raw: Series;
  basis: PriceBasis;
  actions: Actions;
  views: Map<AdjustMode, Series>;
}

/**
 * Keeps each symbol's history in memory as a {@link Series}. Data versions are re-read from the
 * database at most every `checkEveryMs`, so an import made by another instance is picked up
 * within that delay while a hot path costs no query.
 */
export class SeriesCache {
  readonly #repo: MarketRepository;
  readonly #checkEveryMs: number;
  readonly #now: () => number;
  readonly #series = new Map<string, Entry>();
  readonly #online: OnlineStore | undefined;
  readonly #onUnknown: ((symbol: string) => Promise<void>) | undefined;
  #versions = new Map<string, number>();
  #checkedAt = -Infinity;
  #pending: Promise<void> | null = null;

  /**
   * @param repo where the bars live
   * @param options `checkEveryMs` (default 1000), `now` clock in ms (default `Date.now`),
   *   `online` store of corporate actions and price bases (without it, prices are served as stored),
   *   `onUnknown` called once for a symbol not stored, before it is a 404 (loads bundled data
   *   on first use)
   */
  constructor(
    repo: MarketRepository,
    { checkEveryMs = 1000, now = Date.now, online, onUnknown }: {
      checkEveryMs?: number;
      now?: () => number;
      online?: OnlineStore;
      onUnknown?: (symbol: string) => Promise<void>;
    } = {},
  ) {
    this.#repo = repo;
    this.#online = online;
    this.#onUnknown = onUnknown;
    this.#checkEveryMs = checkEveryMs;
    this.#now = now;
  }

  async #refreshVersions(): Promise<void> {
    if (this.#now() - this.#checkedAt < this.#checkEveryMs) return;
    this.#pending ??= this.#repo.versions().then((v) => {
      this.#versions = v;
      this.#checkedAt = this.#now();
    }).finally(() => (this.#pending = null));
    await this.#pending;
  }

  /**
   * The data version of every stored symbol, as this cache sees it (re-read at most every
   * `checkEveryMs`, or at once after {@link invalidate}): a changed map means changed data.
   */
  async versions(): Promise<ReadonlyMap<string, number>> {
    await this.#refreshVersions();
    return this.#versions;
  }

  /** Forces the next call to re-read versions (after a local import). */
  invalidate(): void {
    this.#checkedAt = -Infinity;
  }

  /**
   * Loads the bundled data of those of `symbols` that are not stored yet, as {@link get} does
   * on a symbol's first use, then re-reads the versions once. True when one of them is stored
   * afterwards (a caller holding a view of every stored symbol then rebuilds it).
   *
   * @example
   * ```ts ignore
   * await series.ensure(["SPX", "NOPE"]); // true: SPX's bundled file is loaded, NOPE stays unknown
   * ```
   */
  async ensure(symbols: Iterable<string>): Promise<boolean> {
    if (!this.#onUnknown) return false;
    await this.#refreshVersions();
    const missing = [...new Set(symbols)].filter((s) => !this.#versions.has(s));
    if (missing.length === 0) return false;
    for (const symbol of missing) await this.#onUnknown(symbol);
    this.invalidate();
    await this.#refreshVersions();
    return missing.some((s) => this.#versions.has(s));
  }

  /**
   * The symbol's series, split-adjusted by default (`adjust`: `none` as traded, `all` also
   * dividend-adjusted); throws {@link NotFoundError} when the symbol is not stored.
   */
  async get(symbol: string, { adjust = "split" }: { adjust?: AdjustMode } = {}): Promise<Series> {
    await this.#refreshVersions();
    let version = this.#versions.get(symbol);
    if (version === undefined && this.#onUnknown) {
      await this.#onUnknown(symbol);
      this.invalidate();
      await this.#refreshVersions();
      version = this.#versions.get(symbol);
    }
    if (version === undefined) {
      throw new NotFoundError(
        `Unknown symbol ${symbol}: it has no stored data. Load it with ` +
          `\`deno task import FILE --symbol ${symbol}\`, or see GET /symbols for the available ones.`,
        { symbol },
      );
    }
    let entry = this.#series.get(symbol);
    if (!entry || entry.raw.version !== version) {
      const loaded = await this.#repo.loadSeries(symbol);
      if (!loaded) throw new NotFoundError(`Unknown symbol ${symbol}`, { symbol });
      const src = this.#online ? await this.#online.source(symbol) : null;
      const actions = this.#online
        ? await this.#online.actions(symbol)
        : { splits: [], dividends: [] };
      entry = { raw: loaded, basis: src?.price_basis ?? "raw", actions, views: new Map() };
      this.#series.set(symbol, entry);
    }
    let view = entry.views.get(adjust);
    if (!view) {
      view = adjustSeries(entry.raw, entry.basis, adjust, entry.actions);
      entry.views.set(adjust, view);
    }
    return view;
  }

  /** Corporate actions of a stored symbol (empty without an online store). */
  async actions(symbol: string): Promise<Actions> {
    return this.#online ? await this.#online.actions(symbol) : { splits: [], dividends: [] };
  }
}
