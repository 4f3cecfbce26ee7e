/**
 * The starred symbols of this browser (localStorage; the server has no watchlist API yet).
 *
 * @module
 */

const KEY = "watchlist.v1";

/** Reads the starred symbols (empty when storage is unavailable or corrupt). */
export function readWatchlist(): string[] {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

/** Stores the starred symbols. */
export function writeWatchlist(symbols: string[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(symbols));
  } catch { /* storage full or disabled: the list lives for this page only */ }
}
