/**
 * Number formats for axes and labels.
 *
 * @module
 */

/** A price with 2 decimals (4 under 1, none from 100,000). */
export function formatPrice(v: number): string {
  const a = Math.abs(v);
  if (a >= 100_000) return v.toFixed(0);
  if (a < 1) return v.toFixed(4);
  return v.toFixed(2);
}

/** A compact count: 1.2K, 35.4M, 2.1B. */
export function formatCompact(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${(v / 1e9).toFixed(a >= 1e10 ? 0 : 1)}B`;
  if (a >= 1e6) return `${(v / 1e6).toFixed(a >= 1e7 ? 0 : 1)}M`;
  if (a >= 1e3) return `${(v / 1e3).toFixed(a >= 1e4 ? 0 : 1)}K`;
  return String(Math.round(v));
}

/** A tick formatter with as many decimals as the tick step needs. */
export function tickFormatFor(step: number): (v: number) => string {
  let decimals = 0;
  while (
    decimals < 6 && Math.abs(Math.round(step * 10 ** decimals) - step * 10 ** decimals) > 1e-6
  ) {
    decimals++;
  }
  return (v: number) => v.toFixed(decimals);
}
