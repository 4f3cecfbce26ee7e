/**
 * Higher intraday intervals from lower ones, within a trading session: one pass over the
 * columns, no `Date` objects, no per-bar allocation. Pure.
 *
 * Rules:
 * - Only bars whose exchange-local start lies in the session window count (regular by default,
 *   extended hours with `extended`); others are dropped, so no bar spans the overnight gap or
 *   mixes pre-market with the regular session.
 * - Buckets are aligned to the clock of the exchange (`:00`, `:05`, … for 5m; whole hours for
 *   1h) and clipped to the session: the first regular New York hour covers 09:30–10:00 and is
 *   labelled 09:30. This is how the bundled hourly bars are built (their 09:00 bar covers
 *   09:30–10:00), so aggregating the bundled minutes gives the bundled hours exactly.
 * - open = first open, high = max, low = min, close = last close, volume = sum; a bar is
 *   labelled with its bucket's first session minute.
 * - The last bar may be partial: {@link AggregatedColumns.lastEnd} tells when its bucket ends,
 *   for the caller to compare with its clock.
 *
 * @module
 */
import type { TradingSession } from "./session.ts";
import type { IntradayColumns } from "./types.ts";
import { LocalClock } from "./zoned_time.ts";

const MINUTE = 60_000;

/** Options of {@link aggregateSession}. */
export interface AggregateOptions {
  /** Minutes per output bar (5, 15, 30, 60). */
  minutes: number;
  /** Minutes per input bar (default 1); it must divide `minutes`. */
  sourceMinutes?: number;
  /** The exchange's sessions (`sessionOf(timeZone)`). */
  session: TradingSession;
  /** Keep pre- and post-market bars (default false: regular session only). */
  extended?: boolean;
}

/** Aggregated bars plus where the last one's bucket ends. */
export interface AggregatedColumns extends IntradayColumns {
  /** End of the last bar's bucket (UTC ms, clipped to the session close); NaN without bars. */
  readonly lastEnd: number;
}

/**
 * Aggregates intraday bars (starts ascending) into `minutes`-long bars within the session.
 *
 * @example
 * ```ts
 * import { sessionOf } from "./session.ts";
 *
 * // Real SPY minutes of 2013-10-04 09:30–09:31 EDT (LEAN sample data)
 * const t = Date.UTC(2013, 9, 4, 13, 30);
 * const five = aggregateSession({
 *   ts: Float64Array.of(t, t + 60_000),
 *   open: Float64Array.of(167.74, 167.76),
 *   high: Float64Array.of(167.82, 167.83),
 *   low: Float64Array.of(167.67, 167.73),
 *   close: Float64Array.of(167.77, 167.75),
 *   volume: Float64Array.of(633958, 641236),
 * }, { minutes: 5, session: sessionOf("America/New_York") });
 * five.ts.length; // 1
 * five.high[0]; // 167.83
 * five.lastEnd === t + 5 * 60_000; // true
 * ```
 */
export function aggregateSession(
  input: IntradayColumns,
  { minutes, sourceMinutes = 1, session, extended = false }: AggregateOptions,
): AggregatedColumns {
  if (!Number.isInteger(minutes) || minutes < 1 || minutes > 1440) {
    throw new RangeError(
      `Cannot aggregate intraday bars: minutes must be an integer 1..1440, current value is ${minutes}`,
    );
  }
  if (!Number.isInteger(sourceMinutes) || sourceMinutes < 1 || minutes % sourceMinutes !== 0) {
    throw new RangeError(
      `Cannot aggregate ${sourceMinutes}-minute bars into ${minutes}-minute bars: the source interval must divide the target`,
    );
  }
  const { open: sOpen, close: sClose } = extended ? session.extended : session.regular;
  const n = input.ts.length;
  const { ts, open: o, high: h, low: l, close: c, volume: v } = input;
  let cap = Math.ceil((n * sourceMinutes) / minutes) + 16;
  let oTs = new Float64Array(cap), oOpen = new Float64Array(cap), oHigh = new Float64Array(cap);
  let oLow = new Float64Array(cap), oClose = new Float64Array(cap), oVol = new Float64Array(cap);
  const clock = new LocalClock(session.timeZone);
  let j = -1;
  let prev = -Infinity;
  let spanStart = Infinity, spanEnd = -Infinity, midnight = 0;
  // the bar being built, kept in locals and written out when its bucket ends
  let end = -Infinity, bo = 0, bh = 0, bl = 0, bc = 0, bv = 0;
  for (let i = 0; i < n; i++) {
    const t = ts[i]!;
    if (!(t > prev)) {
      throw new RangeError(
        `Cannot aggregate intraday bars: starts must ascend strictly, bar ${i} (${t}) is not after ${prev}`,
      );
    }
    prev = t;
    if (t < end) { // same bucket (its end is cut at the session close)
      const hi = h[i]!, lo = l[i]!;
      if (hi > bh) bh = hi;
      if (lo < bl) bl = lo;
      bc = c[i]!;
      bv += v[i]!;
      continue;
    }
    if (t >= spanEnd || t < spanStart) {
      clock.at(t);
      spanStart = clock.spanStart;
      spanEnd = clock.spanEnd;
      midnight = t - clock.msOfDay;
    }
    const m = ((t - midnight) / MINUTE) | 0;
    if (m < sOpen || m >= sClose) continue;
    const bucket = m - (m % minutes);
    if (j >= 0) {
      oOpen[j] = bo;
      oHigh[j] = bh;
      oLow[j] = bl;
      oClose[j] = bc;
      oVol[j] = bv;
    }
    j++;
    if (j === cap) {
      cap *= 2;
      oTs = grow(oTs, cap);
      oOpen = grow(oOpen, cap);
      oHigh = grow(oHigh, cap);
      oLow = grow(oLow, cap);
      oClose = grow(oClose, cap);
      oVol = grow(oVol, cap);
    }
    oTs[j] = midnight + (bucket > sOpen ? bucket : sOpen) * MINUTE;
    end = midnight + Math.min(bucket + minutes, sClose) * MINUTE;
    bo = o[i]!;
    bh = h[i]!;
    bl = l[i]!;
    bc = c[i]!;
    bv = v[i]!;
  }
  if (j >= 0) {
    oOpen[j] = bo;
    oHigh[j] = bh;
    oLow[j] = bl;
    oClose[j] = bc;
    oVol[j] = bv;
  }
  const lastEnd = j >= 0 ? end : NaN;
  const m = j + 1;
  return {
    ts: oTs.subarray(0, m),
    open: oOpen.subarray(0, m),
    high: oHigh.subarray(0, m),
    low: oLow.subarray(0, m),
    close: oClose.subarray(0, m),
    volume: oVol.subarray(0, m),
    lastEnd,
  };
}

function grow(a: Float64Array<ArrayBuffer>, cap: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(cap);
  b.set(a);
  return b;
}

/**
 * The bars of `input` whose exchange-local start lies in the session window (regular, or
 * extended when `extended`), unchanged: how stored bars are served at their own interval.
 */
export function filterSession(
  input: IntradayColumns,
  session: TradingSession,
  extended = false,
): IntradayColumns {
  const { open: sOpen, close: sClose } = extended ? session.extended : session.regular;
  const n = input.ts.length;
  const keep = new Uint8Array(n);
  const clock = new LocalClock(session.timeZone);
  let m = 0;
  for (let i = 0; i < n; i++) {
    clock.at(input.ts[i]!);
    if (clock.minute >= sOpen && clock.minute < sClose) (keep[i] = 1, m++);
  }
  if (m === n) return input;
  const pick = (a: Float64Array) => {
    const out = new Float64Array(m);
    for (let i = 0, j = 0; i < n; i++) if (keep[i]) out[j++] = a[i]!;
    return out;
  };
  return {
    ts: pick(input.ts),
    open: pick(input.open),
    high: pick(input.high),
    low: pick(input.low),
    close: pick(input.close),
    volume: pick(input.volume),
  };
}
