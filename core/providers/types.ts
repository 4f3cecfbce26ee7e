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

/** An online source of daily bars. */
export interface MarketDataProvider {
  /** Stable id, e.g. `yahoo`, `twse`. */
  readonly id: string;
  /** Daily history of `symbol` over `[from, to]` (ISO dates); `onProgress(done, total)` per request. */
  candles(
    symbol: string,
    range: { from: string; to: string },
    options?: { onProgress?: (done: number, total: number) => void },
  ): Promise<ProviderHistory>;
}
