/**
 * Exchange-local time of UTC instants, with the IANA time-zone rules of the runtime's ICU data
 * (`Intl.DateTimeFormat`), and a per-day cache so a pass over a million ascending bars asks ICU
 * about once per trading day. Pure: instants come in as arguments.
 *
 * @module
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEK = 7 * DAY;
const OFFSET = /^GMT(?:([+-])(\d{1,2})(?::?(\d{2}))?(?::?(\d{2}))?)?$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    } catch {
      throw new RangeError(`Cannot use time zone "${timeZone}": it is not an IANA time zone`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/**
 * The offset of `timeZone` from UTC at the instant `utcMs`, in ms (New York in summer:
 * −4 h = −14,400,000).
 *
 * @example
 * ```ts
 * timeZoneOffsetMs("America/New_York", Date.UTC(2013, 9, 4, 13, 30)); // -14400000 (EDT)
 * timeZoneOffsetMs("Asia/Taipei", Date.UTC(2024, 0, 2, 1, 0)); // 28800000
 * ```
 */
export function timeZoneOffsetMs(timeZone: string, utcMs: number): number {
  const text = formatter(timeZone).format(utcMs); // "9/8/2001, GMT-04:00"
  const m = OFFSET.exec(text.slice(text.lastIndexOf("GMT")));
  if (!m) throw new RangeError(`Cannot read the UTC offset of "${timeZone}" from "${text}"`);
  if (m[1] === undefined) return 0;
  const abs = Number(m[2]) * 3_600_000 + Number(m[3] ?? 0) * MINUTE + Number(m[4] ?? 0) * 1000;
  return m[1] === "-" ? -abs : abs;
}

/**
 * The UTC instant of a wall-clock time in `timeZone`, given as ms since the epoch read as if
 * the wall clock were UTC (`Date.UTC(y, m, d, h, min)`). A time skipped by a DST change
 * resolves forward; a repeated one to its first occurrence.
 *
 * @example
 * ```ts
 * localToUtc("America/New_York", Date.UTC(2013, 9, 4, 9, 30)) === Date.UTC(2013, 9, 4, 13, 30);
 * ```
 */
export function localToUtc(timeZone: string, wallMs: number): number {
  const first = wallMs - timeZoneOffsetMs(timeZone, wallMs);
  const offset = timeZoneOffsetMs(timeZone, first);
  const second = wallMs - offset;
  return timeZoneOffsetMs(timeZone, second) === offset ? second : first;
}

/**
 * Local calendar day and minute of ascending instants in one time zone. It remembers the local
 * day of the last instant (its UTC span and offset), so consecutive bars of a day cost two
 * comparisons; ICU is asked about twice a week (and ~14 times around a DST switch).
 */
export class LocalClock {
  readonly #timeZone: string;
  #start = Infinity;
  #end = -Infinity;
  #offset = 0;
  #constLo = Infinity;
  #constHi = -Infinity;
  #constOffset = 0;
  /** Local day of the last instant: days since 1970-01-01 in local time. */
  day = 0;
  /** Local minute of the day of the last instant (0 … 1439). */
  minute = 0;
  /** Local ms since the local midnight of the last instant. */
  msOfDay = 0;

  /**
   * The UTC span `[spanStart, spanEnd)` over which the last instant's local midnight and
   * offset hold (its whole local day, or the instant alone on a DST day): callers iterating
   * ascending instants can skip {@link at} until they leave it.
   */
  get spanStart(): number {
    return this.#start;
  }

  /** End (exclusive) of the span, see {@link spanStart}. */
  get spanEnd(): number {
    return this.#end;
  }

  /** The UTC offset (ms) at the last instant. */
  get offset(): number {
    return this.#offset;
  }

  /** @param timeZone IANA time zone, e.g. `America/New_York` */
  constructor(timeZone: string) {
    formatter(timeZone);
    this.#timeZone = timeZone;
  }

  /** Reads `utcMs`: sets {@link day}, {@link minute} and {@link msOfDay}; returns the day. */
  at(utcMs: number): number {
    if (utcMs < this.#start || utcMs >= this.#end) this.#load(utcMs);
    const local = utcMs + this.#offset;
    const day = Math.floor(local / DAY);
    this.day = day;
    this.msOfDay = local - day * DAY;
    this.minute = Math.floor(this.msOfDay / MINUTE);
    return day;
  }

  #load(utcMs: number): void {
    const offset = this.#offsetAt(utcMs);
    const midnight = Math.floor((utcMs + offset) / DAY) * DAY - offset;
    this.#offset = offset;
    // the local day, cut to the span over which the offset is known to hold
    this.#start = Math.max(midnight, this.#constLo);
    this.#end = Math.min(midnight + DAY, this.#constHi);
  }

  /**
   * The offset at `utcMs`, and the span of instants known to share it: ICU is asked at the
   * instant and a week later; when they differ, the switch is found to the minute by bisection.
   * (No time zone changes its offset twice within a week.)
   */
  #offsetAt(utcMs: number): number {
    if (utcMs >= this.#constLo && utcMs < this.#constHi) return this.#constOffset;
    const tz = this.#timeZone;
    const offset = timeZoneOffsetMs(tz, utcMs);
    let lo = utcMs, hi = utcMs + WEEK;
    if (timeZoneOffsetMs(tz, hi) === offset) lo = hi;
    else {
      while (hi - lo > MINUTE) {
        const mid = lo + Math.floor((hi - lo) / 2);
        if (timeZoneOffsetMs(tz, mid) === offset) lo = mid;
        else hi = mid;
      }
    }
    this.#constLo = utcMs;
    this.#constHi = lo + 1;
    this.#constOffset = offset;
    return offset;
  }
}

/** ISO 8601 local time with its offset (`2013-10-04T09:30:00-04:00`) of an instant. */
export function isoLocal(timeZone: string, utcMs: number): string {
  const offset = timeZoneOffsetMs(timeZone, utcMs);
  return new Date(utcMs + offset).toISOString().slice(0, 19) + offsetText(offset);
}

/**
 * {@link isoLocal} of every instant of an ascending column, asking ICU about once per day.
 *
 * @example
 * ```ts
 * const t = Date.UTC(2013, 9, 4, 13, 30);
 * isoLocalSeries("America/New_York", Float64Array.of(t)); // ["2013-10-04T09:30:00-04:00"]
 * ```
 */
export function isoLocalSeries(timeZone: string, ts: ArrayLike<number>): string[] {
  const clock = new LocalClock(timeZone);
  const out = new Array<string>(ts.length);
  let suffixOffset = NaN;
  let suffix = "";
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    clock.at(t);
    const offset = clock.offset;
    if (offset !== suffixOffset) {
      suffixOffset = offset;
      suffix = offsetText(offset);
    }
    out[i] = new Date(t + offset).toISOString().slice(0, 19) + suffix;
  }
  return out;
}

function offsetText(offset: number): string {
  const abs = Math.abs(offset) / MINUTE;
  const hh = String(Math.floor(abs / 60)).padStart(2, "0");
  const mm = String(abs % 60).padStart(2, "0");
  return `${offset < 0 ? "-" : "+"}${hh}:${mm}`;
}
