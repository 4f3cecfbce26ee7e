/**
 * Trading sessions of the exchanges the system knows, in exchange-local minutes of the day.
 * Pure.
 *
 * - New York (NYSE, Nasdaq): regular 09:30–16:00; extended hours 04:00–20:00 (pre-market from
 *   04:00, after-hours to 20:00).
 * - Taipei (TWSE): 09:00–13:30; no extended session with bars (the after-hours odd-lot and
 *   fixed-price sessions print no intraday bars), so extended equals regular.
 *
 * Half-days need nothing special: their bars simply stop at the early close.
 *
 * @module
 */

/** A session window: `[open, close)` in minutes since local midnight. */
export interface SessionWindow {
  /** First minute of the session. */
  open: number;
  /** The minute the session closes (exclusive). */
  close: number;
}

/** An exchange's sessions. */
export interface TradingSession {
  /** IANA time zone of the exchange. */
  timeZone: string;
  /** The regular session. */
  regular: SessionWindow;
  /** Regular plus pre- and post-market hours. */
  extended: SessionWindow;
}

const hm = (h: number, m = 0) => h * 60 + m;

/** The sessions by exchange time zone. */
export const SESSIONS: Readonly<Record<string, TradingSession>> = {
  "America/New_York": {
    timeZone: "America/New_York",
    regular: { open: hm(9, 30), close: hm(16) },
    extended: { open: hm(4), close: hm(20) },
  },
  "Asia/Taipei": {
    timeZone: "Asia/Taipei",
    regular: { open: hm(9), close: hm(13, 30) },
    extended: { open: hm(9), close: hm(13, 30) },
  },
};

/** The time zone of a market code (`US`, `TW`). */
export function timeZoneOfMarket(market: string): string {
  return market === "TW" ? "Asia/Taipei" : "America/New_York";
}

/**
 * The sessions of the exchange in `timeZone`.
 *
 * @example
 * ```ts
 * sessionOf("Asia/Taipei").regular; // { open: 540, close: 810 }
 * ```
 */
export function sessionOf(timeZone: string): TradingSession {
  const s = SESSIONS[timeZone];
  if (!s) {
    throw new RangeError(
      `Cannot find a trading session for time zone "${timeZone}": known ones are ${
        Object.keys(SESSIONS).join(", ")
      }`,
    );
  }
  return s;
}

/** The window of `session`: regular, or extended when `extended`. */
export function sessionWindow(session: TradingSession, extended = false): SessionWindow {
  return extended ? session.extended : session.regular;
}
