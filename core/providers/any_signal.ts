/**
 * Combining abort signals: a provider call stops when the client goes away or the service shuts
 * down, whichever comes first.
 *
 * @module
 */

/**
 * The given signals combined (any of them aborts), skipping absent ones.
 *
 * @example
 * ```ts
 * import { anySignal } from "./any_signal.ts";
 *
 * const client = new AbortController();
 * const signal = anySignal(client.signal, undefined);
 * client.abort();
 * signal?.aborted; // true
 * ```
 */
export function anySignal(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const present = signals.filter((s): s is AbortSignal => s !== undefined);
  return present.length <= 1 ? present[0] : AbortSignal.any(present);
}
