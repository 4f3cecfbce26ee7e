/**
 * The provider interface every online market-data source implements (`core/providers/` holds
 * the implementations: Yahoo, TWSE); market data is read through it, so this folder does not
 * depend on the providers.
 *
 * @module
 */
import type { Bar, DividendEvent, SplitEvent } from "./bar.ts";

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
  meta: {
    name?: string;
    /** Chinese name, when the provider gives one (TWSE: 台積電). */
    nameZh?: string;
    currency: string;
    exchange?: string;
    timeZone?: string;
  };
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
