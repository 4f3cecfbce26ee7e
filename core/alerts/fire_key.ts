/**
 * The idempotency key of a firing: the database keeps one firing per (alert, key), so the
 * key decides what "once" means for each trigger mode. Pure.
 *
 * @module
 */
import type { FireSource, TriggerMode } from "./types.ts";

/**
 * The key of a firing of an alert in `trigger` mode on `symbol`'s bar of `barDate`, or `null`
 * when the mode does not fire from this source (`once_per_bar_close` ignores live quotes).
 * `once` has a single key for the whole alert; `once_per_bar` shares its key between a live
 * quote and the bar's close, so it fires at most once per bar whichever comes first.
 *
 * @example
 * ```ts
 * import { fireKey } from "./fire_key.ts";
 * fireKey("once_per_bar", "AAPL", "2018-05-11", "quote"); // "AAPL:2018-05-11"
 * fireKey("once_per_bar_close", "AAPL", "2018-05-11", "quote"); // null
 * fireKey("once", "AAPL", "2018-05-11", "bar"); // "once"
 * ```
 */
export function fireKey(
  trigger: TriggerMode,
  symbol: string,
  barDate: string,
  source: FireSource,
): string | null {
  switch (trigger) {
    case "once":
      return "once";
    case "once_per_bar":
      return `${symbol}:${barDate}`;
    case "once_per_bar_close":
      return source === "bar" ? `${symbol}:close:${barDate}` : null;
  }
}
