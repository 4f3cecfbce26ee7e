import { NotFoundError } from "@trading/shared/errors";
import type { MarketRepository } from "./repository.ts";
import type { Series } from "./series.ts";

/**
 * Keeps each symbol's history in memory as a {@link Series}. Data versions are re-read from the
 * database at most every `checkEveryMs`, so an import made by another instance is picked up
 * within that delay while a hot path costs no query.
 */
export class SeriesCache {
  readonly #repo: MarketRepository;
  readonly #checkEveryMs: number;
  readonly #now: () => number;
  readonly #series = new Map<string, Series>();
  #versions = new Map<string, number>();
  #checkedAt = -Infinity;
  #pending: Promise<void> | null = null;

  /**
   * @param repo where the bars live
   * @param options `checkEveryMs` (default 1000), `now` clock in ms (default `Date.now`)
   */
  constructor(
    repo: MarketRepository,
    { checkEveryMs = 1000, now = Date.now }: { checkEveryMs?: number; now?: () => number } = {},
  ) {
    this.#repo = repo;
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

  /** Forces the next call to re-read versions (after a local import). */
  invalidate(): void {
    this.#checkedAt = -Infinity;
  }

  /** The symbol's series; throws {@link NotFoundError} when the symbol is not stored. */
  async get(symbol: string): Promise<Series> {
    await this.#refreshVersions();
    const version = this.#versions.get(symbol);
    if (version === undefined) {
      throw new NotFoundError(
        `Unknown symbol ${symbol}: it has no stored data. Load it with ` +
          `\`deno task import FILE --symbol ${symbol}\`, or see GET /symbols for the available ones.`,
        { symbol },
      );
    }
    const cached = this.#series.get(symbol);
    if (cached && cached.version === version) return cached;
    const loaded = await this.#repo.loadSeries(symbol);
    if (!loaded) throw new NotFoundError(`Unknown symbol ${symbol}`, { symbol });
    this.#series.set(symbol, loaded);
    return loaded;
  }
}
