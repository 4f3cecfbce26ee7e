/**
 * The provider interface every online market-data source implements.
 *
 * @module
 */
import type { Bar } from "../market_data/csv.ts";

/** A split: `ratio` new shares for each old one (4:1 → 4). */
export interface SplitEvent {
  /** Ex-date. */
  date: string;
  /** New shares per old share. */
  ratio: number;
}

/** A cash dividend per share. */
export interface DividendEvent {
  /** Ex-date. */
  date: string;
  /** Amount per share, in the price currency. */
  amount: number;
}

/** What a provider returns for a symbol and a date range. */
export interface ProviderHistory {
  /** Ticker as the product names it (e.g. `2330.TW`). */
  symbol: string;
  /** Unadjusted daily bars, dates ascending. */
  bars: Bar[];
  /** Splits in the range. */
  splits: SplitEvent[];
  /** Dividends in the range. */
  dividends: DividendEvent[];
  /** Descriptive fields when the provider gives them. */
  meta: { name?: string; currency: string; exchange?: string; timeZone?: string };
}

/** Per-call options of {@link MarketDataProvider.candles}. */
export interface CandlesOptions {
  /** Called after each upstream request with `(done, total)`. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the call (e.g. the client went away): no further upstream request is made. */
  signal?: AbortSignal;
}

/** An online source of daily bars. */
export interface MarketDataProvider {
  /** Stable id, e.g. `yahoo`, `twse`. */
  readonly id: string;
  /** First date the upstream has data for (ISO); earlier `from` dates are clamped to it. */
  readonly historyStart: string;
  /** Daily history of `symbol` over `[from, to]` (ISO dates). */
  candles(
    symbol: string,
    range: { from: string; to: string },
    options?: CandlesOptions,
  ): Promise<ProviderHistory>;
}

/** The given signals combined (any of them aborts), skipping absent ones. */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
