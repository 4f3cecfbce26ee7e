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
  const last = lastSession(market, nowMs);
  return { as_of: lastDate, stale: lastDate === null || lastDate < last, last_session: last };
}

const memo = new Map<string, string>();

/**
 * The market's last completed session, memoised per market and clock minute: computing the
 * calendar costs ~0.3 ms, and it was paid on every candles/quote request. Exact, because every
 * market opens and closes on a minute boundary.
 */
function lastSession(market: MarketCode, nowMs: number): string {
  const key = `${market}|${Math.floor(nowMs / 60_000)}`;
  let last = memo.get(key);
  if (last === undefined) {
    last = marketStatus(market, nowMs).last_completed_session;
    if (memo.size >= 256) memo.clear();
    memo.set(key, last);
  }
  return last;
}
