/**
 * Moving-average crossover family (SMA, EMA): long while the fast average is above the slow
 * one, short (or flat when shorts are off) while below. Private to core/strategies. Pure.
 *
 * @module
 */
import { z } from "zod";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import type { IndicatorCache } from "../indicators/indicator_cache.ts";
import type { DecideContext, Strategy } from "./types.ts";

/** Parameters of a crossover. */
export interface CrossParams {
  /** Fast period. */
  fast: number;
  /** Slow period. */
  slow: number;
}

/** Prepared arrays. */
export interface CrossState {
  /** Fast average. */
  fast: Float64Array;
  /** Slow average. */
  slow: Float64Array;
}

const schema = z.object({
  fast: z.number().int().min(2).max(200).default(10).describe("fast moving-average period"),
  slow: z.number().int().min(3).max(400).default(50).describe("slow moving-average period"),
}).refine((p) => p.fast < p.slow, { message: "fast must be below slow", path: ["fast"] });

/** Builds a crossover strategy over a moving-average function. */
export function crossover(
  id: string,
  label: string,
  ma: (values: Float64Array, period: number) => Float64Array,
  warmup: (fast: number, slow: number) => number,
): Strategy<CrossParams, CrossState> {
  return {
    id,
    name: `${label} crossover`,
    description: `Long while ${label}(fast) is above ${label}(slow), short while below (flat ` +
      `when shorts are off); the position changes at the next open after a cross.`,
    params: schema,
    warmup: (p) => warmup(p.fast, p.slow),
    prepare: (cols: Cols, p: CrossParams, cache: IndicatorCache) => ({
      fast: cache.get(`${id}:${p.fast}`, () => ma(cols.close, p.fast)),
      slow: cache.get(`${id}:${p.slow}`, () => ma(cols.close, p.slow)),
    }),
    decide({ i, state, target }: DecideContext<CrossParams, CrossState>): number {
      const f = state.fast[i]!, s = state.slow[i]!;
      if (f !== f || s !== s) return 0;
      return f > s ? 1 : f < s ? -1 : target;
    },
    targets(_cols, _p, state, out): void {
      const { fast, slow } = state;
      let t = 0;
      for (let i = 0; i < out.length; i++) {
        const f = fast[i]!, s = slow[i]!;
        t = f !== f || s !== s ? 0 : f > s ? 1 : f < s ? -1 : t;
        out[i] = t;
      }
    },
    grid: {
      fast: [5, 10, 15, 20, 25, 30, 40, 50],
      slow: [50, 75, 100, 125, 150, 175, 200, 250],
    },
  };
}
