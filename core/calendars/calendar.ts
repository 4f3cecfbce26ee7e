/**
 * Trading calendars of the supported markets (US = NYSE/Nasdaq, TW = TWSE): trading days,
 * session hours with time zones, open/closed state and the next session. Pure: the current
 * instant comes in as an argument.
 *
 * @module
 */
import { addDays, weekday, zonedParts } from "./dates.ts";
import { NYSE_SPECIAL_CLOSURES, nyseEarlyCloses, nyseHolidays } from "./nyse.ts";
import { twseHolidays } from "./twse.ts";

/** Markets with a calendar. */
export type MarketCode = "US" | "TW";

/** Static description of a market's sessions. */
export interface MarketInfo {
  /** Code. */
  code: MarketCode;
  /** Exchange name. */
  exchange: string;
  /** IANA time zone of the session hours. */
  timeZone: string;
  /** Regular session open, minutes after local midnight. */
  openMin: number;
  /** Regular session close, minutes after local midnight. */
  closeMin: number;
  /** Early-close time, minutes after local midnight. */
  earlyCloseMin: number;
}

/** The markets. */
export const MARKETS: Readonly<Record<MarketCode, MarketInfo>> = {
  US: {
    code: "US",
    exchange: "NYSE / Nasdaq",
    timeZone: "America/New_York",
    openMin: 570,
    closeMin: 960,
    earlyCloseMin: 780,
  },
  TW: {
    code: "TW",
    exchange: "Taiwan Stock Exchange",
    timeZone: "Asia/Taipei",
    openMin: 540,
    closeMin: 810,
    earlyCloseMin: 810,
  },
};

/** Why a weekday is not a trading day, or null when it is one. */
export function holidayName(market: MarketCode, date: string): string | null {
  const year = Number(date.slice(0, 4));
  if (market === "US") {
    if (NYSE_SPECIAL_CLOSURES.has(date)) return "Special closure";
    return nyseHolidays(year).get(date) ?? null;
  }
  return twseHolidays(year).holidays.get(date) ?? null;
}

/** True when the market trades on that calendar date. */
export function isTradingDay(market: MarketCode, date: string): boolean {
  const dow = weekday(date);
  return dow !== 0 && dow !== 6 && holidayName(market, date) === null;
}

/** Close time (local minutes) of a trading day, accounting for early closes. */
export function closeMinutes(market: MarketCode, date: string): number {
  const info = MARKETS[market];
  if (market === "US" && nyseEarlyCloses(Number(date.slice(0, 4))).has(date)) {
    return info.earlyCloseMin;
  }
  return info.closeMin;
}

/** The first trading day on or after `date` (`step` = 1) or on or before it (`step` = -1). */
export function nextTradingDay(market: MarketCode, date: string, step: 1 | -1 = 1): string {
  let d = date;
  for (let i = 0; i < 30; i++, d = addDays(d, step)) if (isTradingDay(market, d)) return d;
  throw new RangeError(`Cannot find a trading day within 30 days of ${date}`);
}

/** Trading days in `[from, to]`. */
export function tradingDays(market: MarketCode, from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isTradingDay(market, d)) out.push(d);
  return out;
}

/** The UTC instant (ms) of local `date` at `minutes` after midnight in `timeZone`. */
export function zonedInstant(date: string, minutes: number, timeZone: string): number {
  const guess = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000;
  const seen = zonedParts(guess, timeZone);
  const seenMs = Date.parse(`${seen.date}T00:00:00Z`) + seen.minutes * 60_000;
  return guess - (seenMs - guess);
}

/** Open/closed state of a market at an instant. */
export interface MarketStatus {
  /** Market code. */
  market: MarketCode;
  /** Exchange name. */
  exchange: string;
  /** IANA time zone. */
  time_zone: string;
  /** True during the regular session. */
  is_open: boolean;
  /** `open`, `pre` (before today's open), `post` (after today's close) or `closed` (no session today). */
  state: "open" | "pre" | "post" | "closed";
  /** Local date at that instant. */
  local_date: string;
  /** Holiday name when today is a weekday holiday. */
  holiday: string | null;
  /** The latest session that has closed (its local date). */
  last_completed_session: string;
  /** Next open (ISO instant) when not open; the current session's open otherwise. */
  next_open: string;
  /** Close of the current or next session (ISO instant). */
  next_close: string;
  /** Whether the lunar-holiday schedule of this year is known (TW only). */
  calendar_coverage: "rules" | "announced" | "fixed-only";
}

/** The state of `market` at `nowMs`. */
export function marketStatus(market: MarketCode, nowMs: number): MarketStatus {
  const info = MARKETS[market];
  const { date, minutes } = zonedParts(nowMs, info.timeZone);
  const trading = isTradingDay(market, date);
  const close = trading ? closeMinutes(market, date) : info.closeMin;
  const isOpen = trading && minutes >= info.openMin && minutes < close;
  const state = !trading ? "closed" : isOpen ? "open" : minutes < info.openMin ? "pre" : "post";
  const sessionDate = state === "open" || state === "pre"
    ? date
    : nextTradingDay(market, addDays(date, 1));
  const lastCompleted = state === "post" ? date : nextTradingDay(market, addDays(date, -1), -1);
  const weekdayHoliday = weekday(date) % 6 === 0 ? null : holidayName(market, date);
  return {
    market,
    exchange: info.exchange,
    time_zone: info.timeZone,
    is_open: isOpen,
    state,
    local_date: date,
    holiday: weekdayHoliday,
    last_completed_session: lastCompleted,
    next_open: new Date(zonedInstant(sessionDate, info.openMin, info.timeZone)).toISOString(),
    next_close: new Date(
      zonedInstant(sessionDate, closeMinutes(market, sessionDate), info.timeZone),
    ).toISOString(),
    calendar_coverage: market === "US" ? "rules" : twseHolidays(Number(date.slice(0, 4))).coverage,
  };
}

/** The market of a ticker: `.TW` / `.TWO` suffixes are Taiwan, everything else US. */
export function marketOf(symbol: string): MarketCode {
  return /\.TWO?$/i.test(symbol) ? "TW" : "US";
}
