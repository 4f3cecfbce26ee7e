/**
 * How much history an indicator lacked, read from core's 422 answer (`sma:50 needs at least 50
 * bars of history … but there are 20 up to 2020-12-31`), so the page can say "not enough history
 * (needs 50 bars, 20 stored)" instead of blaming the server.
 *
 * @module
 */

/** Bars needed (the most any refused indicator needs) and bars stored, when known. */
export interface Shortfall {
  needs: number;
  have: number | null;
}

/**
 * The shortfall in core's message, or null when the message is about something else.
 *
 * @example
 * ```ts
 * import { historyShortfall } from "./history_shortfall.ts";
 *
 * historyShortfall("sma:50 needs at least 50 bars of history up to the end of the range " +
 *   "(its warm-up) but there are 20 up to 2020-12-31; …"); // { needs: 50, have: 20 }
 * ```
 */
export function historyShortfall(message: string | null | undefined): Shortfall | null {
  if (!message) return null;
  const needs = [...message.matchAll(/needs at least (\d+) bars/g)].map((m) => Number(m[1]));
  if (needs.length === 0) return null;
  const have = /but there are (\d+)/.exec(message);
  return { needs: Math.max(...needs), have: have ? Number(have[1]) : null };
}
