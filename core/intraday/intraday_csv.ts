/**
 * Parsing and validation of intraday OHLCV CSV files: a time column (`time`, `timestamp` or
 * `datetime`) then `open,high,low,close,volume`. Pure: text in, bars and refusals out.
 *
 * A time carries its UTC offset (`2013-10-04T09:30:00-04:00`, `…Z`), or is a wall-clock time
 * (`2013-10-04 09:30`) read in the row's `tz` / `time_zone` column or else in the exchange's
 * time zone. Rows whose bar does not overlap the trading session are refused and listed apart
 * (`outside`); a bar that starts before the open but reaches into the session (the bundled
 * hourly files' `09:00` bar covers 09:30–10:00) is labelled at the open.
 *
 * @module
 */
import type { TradingSession } from "./session.ts";
import type { IntradayBar } from "./types.ts";
import { LocalClock, localToUtc } from "./zoned_time.ts";

/** A row refused, with its 1-based line number (the header is line 1). */
export interface RejectedRow {
  /** 1-based line number. */
  line: number;
  /** Why it was refused. */
  reason: string;
}

/** Options of {@link parseIntradayCsv}. */
export interface IntradayCsvOptions {
  /** Minutes per bar of the file (1, 5, 15, 30, 60). */
  minutes: number;
  /** The exchange's sessions: the session check and the default zone of wall-clock times. */
  session: TradingSession;
  /** Accept pre- and post-market bars (default false: regular session only). */
  extended?: boolean;
  /** Zone of wall-clock times without a `tz` column (default: the session's). */
  timeZone?: string;
}

/** Result of {@link parseIntradayCsv}. */
export interface ParsedIntradayCsv {
  /** Valid bars inside the session, starts ascending (UTC ms). */
  bars: IntradayBar[];
  /** Invalid rows; a non-empty list means the file must not be imported. */
  rejected: RejectedRow[];
  /** Valid rows refused because their bar lies outside the session. */
  outside: RejectedRow[];
}

const TIME =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const TIME_COLUMNS = ["time", "timestamp", "datetime"];
const TZ_COLUMNS = ["tz", "time_zone", "timezone"];
const MINUTE = 60_000;

const decimal = (cell: string | undefined) =>
  cell !== undefined && DECIMAL.test(cell) ? Number(cell) : NaN;

/** The UTC instant of a CSV time, or a reason it is not one. */
export function parseCsvTime(text: string, timeZone: string): number | string {
  const m = TIME.exec(text);
  if (!m) return `time "${text}" is not YYYY-MM-DD HH:MM[:SS] with an optional offset`;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => Number(x ?? 0)) as number[];
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const back = new Date(wall);
  if (back.getUTCDate() !== d || back.getUTCHours() !== h || back.getUTCMonth() !== mo! - 1) {
    return `time "${text}" is not a real date and time`;
  }
  const zone = m[7];
  if (zone === undefined) return localToUtc(timeZone, wall);
  if (zone === "Z") return wall;
  const sign = zone[0] === "-" ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * MINUTE;
  return wall - offset;
}

/**
 * Parses and validates an intraday OHLCV CSV.
 *
 * @example
 * ```ts
 * import { sessionOf } from "./session.ts";
 *
 * const csv = "time,open,high,low,close,volume\n" +
 *   "2013-10-04T09:00:00-04:00,167.74,168.27,167.53,168.18,10924334\n" +
 *   "2013-10-04T16:00:00-04:00,168.88,168.89,168.63,168.63,888265\n";
 * const r = parseIntradayCsv(csv, { minutes: 60, session: sessionOf("America/New_York") });
 * r.bars[0]!.ts === Date.UTC(2013, 9, 4, 13, 30); // true: labelled at the 09:30 open
 * r.outside.length; // 1: 16:00 is after the regular session
 * ```
 */
export function parseIntradayCsv(
  text: string,
  { minutes, session, extended = false, timeZone = session.timeZone }: IntradayCsvOptions,
): ParsedIntradayCsv {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((x) => x.trim().toLowerCase());
  const iTime = header.findIndex((x) => TIME_COLUMNS.includes(x));
  const iTz = header.findIndex((x) => TZ_COLUMNS.includes(x));
  const idx = ["open", "high", "low", "close", "volume"].map((x) => header.indexOf(x));
  const missing = [
    ...(iTime === -1 ? ["time"] : []),
    ...["open", "high", "low", "close", "volume"].filter((_, k) => idx[k] === -1),
  ];
  if (missing.length) {
    return {
      bars: [],
      rejected: [{ line: 1, reason: `header lacks column(s): ${missing.join(", ")}` }],
      outside: [],
    };
  }
  const [iOpen, iHigh, iLow, iClose, iVol] = idx as [number, number, number, number, number];
  const { open: sOpen, close: sClose } = extended ? session.extended : session.regular;
  const clock = new LocalClock(session.timeZone);
  const bars: IntradayBar[] = [];
  const rejected: RejectedRow[] = [];
  const outside: RejectedRow[] = [];
  let prev = -Infinity;
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === "") continue;
    const cells = raw.split(",").map((x) => x.trim());
    const line = n + 1;
    const timeText = cells[iTime] ?? "";
    const zone = iTz === -1 ? timeZone : cells[iTz] || timeZone;
    let t: number | string;
    try {
      t = parseCsvTime(timeText, zone);
    } catch (e) {
      t = (e as Error).message;
    }
    const open = decimal(cells[iOpen]), high = decimal(cells[iHigh]), low = decimal(cells[iLow]);
    const close = decimal(cells[iClose]), volume = decimal(cells[iVol]);
    let reason: string | null = null;
    if (typeof t === "string") reason = t;
    else if (![open, high, low, close].every((v) => Number.isFinite(v) && v > 0)) {
      reason = "open, high, low and close must be decimal numbers > 0";
    } else if (!(Number.isFinite(volume) && volume >= 0)) {
      reason = "volume must be a decimal number ≥ 0";
    } else if (high < Math.max(open, close)) {
      reason = `high ${high} is below max(open, close) ${Math.max(open, close)}`;
    } else if (low > Math.min(open, close)) {
      reason = `low ${low} is above min(open, close) ${Math.min(open, close)}`;
    } else if (t <= prev) {
      reason = t === prev
        ? `time ${timeText} is duplicated`
        : `time ${timeText} is before the previous row's (times must ascend)`;
    }
    if (reason || typeof t === "string") {
      rejected.push({ line, reason: reason! });
      continue;
    }
    prev = t;
    clock.at(t);
    const m = clock.minute;
    if (m >= sClose || m + minutes <= sOpen) {
      outside.push({ line, reason: `${timeText} is outside the session` });
      continue;
    }
    const ts = m < sOpen ? t - clock.msOfDay + sOpen * MINUTE : t;
    bars.push({ ts, open, high, low, close, volume });
  }
  return { bars, rejected, outside };
}
