/**
 * Parsing and validation of daily OHLCV CSV files (`date,open,high,low,close,volume`).
 * Pure: text in, rows and rejections out.
 *
 * @module
 */
import type { Bar } from "./bar.ts";

/** A row the parser refused, with its 1-based line number in the file. */
export interface RejectedRow {
  /** 1-based line number (the header is line 1). */
  line: number;
  /** Why it was refused. */
  reason: string;
}

/** Result of {@link parseOhlcvCsv}. */
export interface ParsedCsv {
  /** Valid rows, in file order. */
  bars: Bar[];
  /** Refused rows; a non-empty list means the file must not be imported. */
  rejected: RejectedRow[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const REQUIRED = ["date", "open", "high", "low", "close", "volume"] as const;
/** A plain decimal (`12`, `-1.5`, `.5`, `1e3`): not hex/binary/octal, `Infinity` or blank. */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a cell holds, or NaN unless it is a plain decimal. */
function decimal(cell: string | undefined): number {
  return cell !== undefined && DECIMAL.test(cell) ? Number(cell) : NaN;
}

function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Parses and validates a daily OHLCV CSV: the header names the columns (any order, extra
 * columns ignored, case-insensitive); every row must have a real ISO date, strictly after the
 * previous row's, plain decimal numbers (no hex, `Infinity` or blanks), prices > 0 with high ≥ max(open, close) and low ≤ min(open, close),
 * and a finite volume ≥ 0.
 *
 * @example
 * ```ts
 * const { bars, rejected } = parseOhlcvCsv("date,open,high,low,close,volume\n2017-06-01,1,2,0.5,1.5,100\n");
 * // bars.length === 1, rejected.length === 0
 * ```
 */
export function parseOhlcvCsv(text: string): ParsedCsv {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split(",").map((h) => h.trim().toLowerCase());
  const idx = REQUIRED.map((name) => header.indexOf(name));
  const missing = REQUIRED.filter((_, i) => idx[i] === -1);
  if (missing.length) {
    return {
      bars: [],
      rejected: [{ line: 1, reason: `header lacks column(s): ${missing.join(", ")}` }],
    };
  }
  const [iDate, iOpen, iHigh, iLow, iClose, iVol] = idx as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const bars: Bar[] = [];
  const rejected: RejectedRow[] = [];
  let prevDate = "";
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n]!;
    if (raw.trim() === "") continue;
    const cells = raw.split(",").map((c) => c.trim());
    const line = n + 1;
    const date = cells[iDate] ?? "";
    const num = (i: number) => decimal(cells[i]);
    const open = num(iOpen), high = num(iHigh), low = num(iLow), close = num(iClose);
    const volume = num(iVol);
    let reason: string | null = null;
    if (!isRealDate(date)) reason = `date "${date}" is not a valid YYYY-MM-DD date`;
    else if (date <= prevDate) {
      reason = date === prevDate
        ? `date ${date} is duplicated`
        : `date ${date} is before the previous row's ${prevDate} (dates must ascend)`;
    } else if (![open, high, low, close].every((v) => Number.isFinite(v) && v > 0)) {
      reason = "open, high, low and close must be decimal numbers > 0";
    } else if (!(Number.isFinite(volume) && volume >= 0)) {
      reason = "volume must be a decimal number ≥ 0";
    } else if (high < Math.max(open, close)) {
      reason = `high ${high} is below max(open, close) ${Math.max(open, close)}`;
    } else if (low > Math.min(open, close)) {
      reason = `low ${low} is above min(open, close) ${Math.min(open, close)}`;
    }
    if (reason) rejected.push({ line, reason });
    else bars.push({ date, open, high, low, close, volume });
    if (isRealDate(date) && date > prevDate) prevDate = date;
  }
  return { bars, rejected };
}
