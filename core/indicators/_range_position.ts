/**
 * Where the close sits in the high–low range of the last `period` bars (private to this folder):
 * the raw stochastic `100·(close − LL)/(HH − LL)` used by %K and Williams %R.
 *
 * @module
 */

let scratch = new Int32Array(64);

/** A reusable index buffer of at least `size` slots, power-of-two length (not reentrant). */
function indexScratch(size: number): Int32Array {
  if (scratch.length < size) {
    let cap = scratch.length;
    while (cap < size) cap *= 2;
    scratch = new Int32Array(cap);
  }
  return scratch;
}

/**
 * Writes `100·(close − LL)/(HH − LL)` (raw %K) or, when `williams`, `−100·(HH − close)/(HH − LL)`
 * (%R, computed directly so it never leaves [−100, 0] by rounding) into `out` from index
 * `period − 1` on (`NaN` before), where HH/LL are the highest high and lowest low of the last
 * `period` bars; the midpoint (50 or −50) when HH = LL (a flat window has no position). Sliding max/min with two monotonic
 * deques kept in one reused scratch buffer: O(n), no allocation in steady state.
 */
export function rangePositionInto(
  out: Float64Array,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period: number,
  williams: boolean,
): void {
  const n = close.length;
  out.fill(NaN, 0, Math.min(period - 1, n));
  let cap = 1;
  while (cap < period) cap *= 2;
  const mask = cap - 1;
  const buf = indexScratch(2 * cap);
  // max deque in buf[0 .. cap), min deque in buf[cap .. 2cap); head/tail are running counters
  let maxH = 0, maxT = 0, minH = 0, minT = 0;
  for (let i = 0; i < n; i++) {
    const expired = i - period;
    if (maxT > maxH && buf[maxH & mask]! <= expired) maxH++;
    if (minT > minH && buf[cap + (minH & mask)]! <= expired) minH++;
    const h = high[i]!;
    while (maxT > maxH && high[buf[(maxT - 1) & mask]!]! <= h) maxT--;
    buf[maxT & mask] = i;
    maxT++;
    const l = low[i]!;
    while (minT > minH && low[buf[cap + ((minT - 1) & mask)]!]! >= l) minT--;
    buf[cap + (minT & mask)] = i;
    minT++;
    if (i >= period - 1) {
      const hh = high[buf[maxH & mask]!]!;
      const ll = low[buf[cap + (minH & mask)]!]!;
      const range = hh - ll;
      if (williams) out[i] = range > 0 ? -100 * ((hh - close[i]!) / range) : -50;
      else out[i] = range > 0 ? 100 * ((close[i]! - ll) / range) : 50;
    }
  }
}
