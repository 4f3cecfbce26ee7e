/**
 * The daily bar and the corporate actions (splits, dividends) market data is made of: types
 * only, imported by the CSV parser, the provider interface, the stores and the providers.
 *
 * @module
 */

/** One validated daily bar. */
export interface Bar {
  /** ISO date. */
  date: string;
  /** Opening price. */
  open: number;
  /** Highest price. */
  high: number;
  /** Lowest price. */
  low: number;
  /** Closing price. */
  close: number;
  /** Traded volume (shares). */
  volume: number;
}

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
