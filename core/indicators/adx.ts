/**
 * Average Directional Index with +DI and −DI (Wilder, 1978).
 *
 * Convention (Wilder's worked table, StockCharts `cs-adx.xls`): from bar 1 on,
 * `+DM = up` when `up = high − prevHigh` exceeds `down = prevLow − low` and is positive (else 0),
 * `−DM` symmetrically, and the true range. Wilder's running sums start as the plain sum of the
 * first `period` values (bars 1..period) and continue as `S = S − S/period + x`. At index
 * `period` on: `±DI = 100·S(±DM)/S(TR)`, `DX = 100·|+DI − −DI|/(+DI + −DI)`. ADX starts at index
 * `2·period − 1` as the mean of the first `period` DX values and continues with Wilder's
 * smoothing `adx = (adx·(period − 1) + dx)/period`. A window with no range gives DI = 0 and
 * DX = 0.
 *
 * (TA-Lib's `ADX`/`PLUS_DI`/`MINUS_DI` seed differently: their running sums start from the
 * first `period − 1` one-bar values (13 for period 14), and the `period`-th value enters
 * through Wilder's update `S − S/period + x` rather than being added. The first DI values
 * therefore differ slightly; the difference shrinks by a factor `1 − 1/period` per bar, so the
 * two agree closely after a few hundred bars.)
 *
 * @module
 */
import { checkLengths, checkPeriod } from "./_validate.ts";
import { trueRangeAt } from "./true_range.ts";

/** ADX, +DI and −DI, each as long as the input. */
export interface AdxResult {
  /** Average directional index, 0..100. */
  adx: Float64Array;
  /** Plus directional indicator, 0..100. */
  plusDi: Float64Array;
  /** Minus directional indicator, 0..100. */
  minusDi: Float64Array;
}

/**
 * First finite indices: ±DI at `period`, ADX at `2·period − 1`.
 *
 * @example
 * ```ts
 * adxWarmup(14); // { adx: 27, di: 14 }
 * ```
 */
export function adxWarmup(period = 14): { adx: number; di: number } {
  checkPeriod("ADX", "period", period);
  return { adx: 2 * period - 1, di: period };
}

/**
 * Writes ADX, +DI and −DI into the caller's buffers without allocating (one pass).
 *
 * @example
 * ```ts
 * import { adxInto } from "./adx.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const n = close.length;
 * const out = {
 *   adx: new Float64Array(n),
 *   plusDi: new Float64Array(n),
 *   minusDi: new Float64Array(n),
 * };
 * adxInto(out, high, low, close); // out.adx[27] is the first ADX, out.plusDi[14] the first +DI
 * ```
 */
export function adxInto(
  out: AdxResult,
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): AdxResult {
  checkPeriod("ADX", "period", period);
  const n = close.length;
  const { adx, plusDi, minusDi } = out;
  checkLengths("ADX", n, [high, low, adx, plusDi, minusDi], [
    "high",
    "low",
    "out.adx",
    "out.plusDi",
    "out.minusDi",
  ]);
  plusDi.fill(NaN, 0, Math.min(period, n));
  minusDi.fill(NaN, 0, Math.min(period, n));
  adx.fill(NaN, 0, Math.min(2 * period - 1, n));
  let sTr = 0, sP = 0, sM = 0, a = 0;
  const keep = 1 - 1 / period, w = 1 / period; // Wilder's S − S/period + x as S·keep + x
  const adxStart = 2 * period - 1;
  for (let i = 1; i < n; i++) {
    const up = high[i]! - high[i - 1]!;
    const down = low[i - 1]! - low[i]!;
    const pdm = up > down && up > 0 ? up : 0;
    const mdm = down > up && down > 0 ? down : 0;
    const tr = trueRangeAt(high, low, close, i);
    if (i <= period) {
      sTr += tr;
      sP += pdm;
      sM += mdm;
      if (i < period) continue;
    } else {
      sTr = keep * sTr + tr;
      sP = keep * sP + pdm;
      sM = keep * sM + mdm;
    }
    const pdi = sTr > 0 ? 100 * sP / sTr : 0;
    const mdi = sTr > 0 ? 100 * sM / sTr : 0;
    plusDi[i] = pdi;
    minusDi[i] = mdi;
    const diSum = pdi + mdi;
    const dx = diSum > 0 ? 100 * Math.abs(pdi - mdi) / diSum : 0;
    if (i < adxStart) {
      a += dx;
    } else if (i === adxStart) {
      a = (a + dx) / period;
      adx[i] = a;
    } else {
      a = keep * a + w * dx;
      adx[i] = a;
    }
  }
  return out;
}

/**
 * Wilder's ADX, +DI and −DI of a bar series (`NaN` during warm-up).
 *
 * @example
 * ```ts
 * import { adx } from "./adx.ts";
 *
 * // 60 daily bars: a gentle uptrend with a 30-bar swing
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const high = close.map((c) => c + 1.5);
 * const low = close.map((c) => c - 1.5);
 * const { adx: strength, plusDi, minusDi } = adx(high, low, close); // period 14
 * strength[26]; // NaN (warm-up)
 * ```
 */
export function adx(
  high: Float64Array,
  low: Float64Array,
  close: Float64Array,
  period = 14,
): AdxResult {
  const n = close.length;
  return adxInto(
    { adx: new Float64Array(n), plusDi: new Float64Array(n), minusDi: new Float64Array(n) },
    high,
    low,
    close,
    period,
  );
}
