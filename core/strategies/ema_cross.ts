/**
 * EMA crossover strategy. Pure.
 *
 * @module
 */
import { ema } from "../indicators/ema.ts";
import { crossover } from "./_crossover.ts";

/**
 * Long while EMA(fast) > EMA(slow), short while below (flat when shorts are off). The EMA is
 * seeded with the SMA of its first `period` values, so its first value is at `period − 1`.
 *
 * @example
 * ```ts
 * runBacktest(series, emaCross, { fast: 12, slow: 26 });
 * ```
 */
export const emaCross = crossover("ema_cross", "EMA", ema, (_f, s) => s - 1);
