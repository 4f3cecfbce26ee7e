/**
 * SMA crossover strategy. Pure.
 *
 * @module
 */
import { sma } from "../indicators/sma.ts";
import { crossover } from "./_crossover.ts";

/**
 * Long while SMA(fast) > SMA(slow), short while below (flat when shorts are off).
 *
 * @example
 * ```ts
 * runBacktest(series, smaCross, { fast: 10, slow: 50 });
 * ```
 */
export const smaCross = crossover("sma_cross", "SMA", sma, (_f, s) => s - 1);
