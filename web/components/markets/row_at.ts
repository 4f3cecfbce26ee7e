/**
 * What one markets row shows: the stored last bar, or — while the offline replay clock plays an
 * older stored bar — that bar everywhere in the row: its price, change and date, the sparkline
 * cut at its date, and no signal (the composite signal is the one of the last stored bar, which
 * the replay has not reached).
 *
 * @module
 */
import type { LiveQuote } from "@trading/shared/schemas";

/** The row's stored facts (the last stored bar's). */
export interface StoredRow {
  date: string | null;
  close: number | null;
  change: number | null;
  changePct: number | null;
  /** Recent closes, oldest first, and their dates. */
  spark: number[];
  sparkDates: string[];
  stance: string | null;
  score: number | null;
}

/** A streamed quote (the fields of the wire's `LiveQuote` read here). */
export type RowQuote = Pick<LiveQuote, "date" | "price" | "change" | "change_percent" | "source">;

/** The row as shown. */
export interface ShownRow {
  date: string | null;
  price: number | null;
  change: number | null;
  changePct: number | null;
  spark: number[];
  stance: string | null;
  score: number | null;
  /** True when the values are a replayed older bar, not the latest price. */
  replay: boolean;
}

/**
 * The row for the latest quote `q` (none: the stored row).
 *
 * @example
 * ```ts
 * import { rowAt } from "./row_at.ts";
 *
 * const stored = {
 *   date: "2018-05-11", close: 188.6, change: -1.5, changePct: -0.8, stance: "buy", score: 33,
 *   spark: [165.7, 170, 188.6], sparkDates: ["2018-04-20", "2018-04-23", "2018-05-11"],
 * };
 * rowAt(stored, { date: "2018-04-23", price: 170, change: 4.3, change_percent: 2.6, source: "replay" });
 * // { date: "2018-04-23", price: 170, spark: [165.7, 170], stance: null, replay: true, … }
 * ```
 */
export function rowAt(r: StoredRow, q: RowQuote | undefined): ShownRow {
  const stored: ShownRow = {
    date: r.date,
    price: r.close,
    change: r.change,
    changePct: r.changePct,
    spark: r.spark,
    stance: r.stance,
    score: r.score,
    replay: false,
  };
  if (!q) return stored;
  const same = { ...stored, price: q.price, change: q.change, changePct: q.change_percent };
  if (q.source !== "replay" || q.date === r.date) return { ...same, date: q.date };
  const upTo = r.sparkDates.filter((d) => d <= q.date).length;
  return {
    ...same,
    date: q.date,
    spark: r.spark.slice(0, upTo),
    stance: null,
    score: null,
    replay: true,
  };
}
