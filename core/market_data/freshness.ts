/**
 * "As of" and staleness of stored data against the market calendar. Pure.
 *
 * @module
 */
import { type MarketCode, marketStatus } from "../calendars/calendar.ts";

/** Freshness fields carried by candles, quote and analysis responses. */
export interface Freshness {
  /** Date of the latest stored bar. */
  as_of: string | null;
  /** True when that bar is older than the market's last completed session. */
  stale: boolean;
  /** The market's last completed session at the time of the request. */
  last_session: string;
}

/** Freshness of data whose last bar is `lastDate`, at instant `nowMs`. */
export function freshness(market: MarketCode, lastDate: string | null, nowMs: number): Freshness {
  const last = marketStatus(market, nowMs).last_completed_session;
  return { as_of: lastDate, stale: lastDate === null || lastDate < last, last_session: last };
}
