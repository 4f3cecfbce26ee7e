/**
 * Position sizing: how many shares an entry buys or sells short. Pure.
 *
 * @module
 */

/** How an entry is sized. */
export type Sizing =
  | {
    /** A fraction of current equity. */
    mode: "percent_equity";
    /** Percent of equity per position, 0 < percent ≤ 100. */
    percent: number;
  }
  | {
    /** A fixed amount of cash per entry. */
    mode: "fixed_cash";
    /** Cash per entry. */
    amount: number;
  }
  | {
    /** Volatility-based: lose at most `riskPercent` of equity if price moves `atrMultiple` ATRs. */
    mode: "atr_risk";
    /** Percent of equity risked per trade. */
    riskPercent: number;
    /** Stop distance in ATRs. */
    atrMultiple: number;
    /** ATR period (Wilder). */
    atrPeriod: number;
  };

/** Inputs of {@link sizeEntry}. */
export interface SizeInputs {
  /** Equity at the time of the fill. */
  equity: number;
  /** Cash available (longs never spend more than this). */
  cash: number;
  /** Expected fill price (after slippage). */
  price: number;
  /** Commission rate in basis points, so the cost including commission fits the budget. */
  feeBps: number;
  /** Latest known ATR (only for `atr_risk`; `NaN` means not warmed up → no entry). */
  atr: number;
  /** Allow fractional shares (default whole shares). */
  fractional: boolean;
}

/**
 * Quantity (positive) for an entry, or 0 when nothing can be bought.
 *
 * @example
 * ```ts
 * sizeEntry({ mode: "percent_equity", percent: 50 },
 *   { equity: 10_000, cash: 10_000, price: 99, feeBps: 0, atr: NaN, fractional: false }); // 50
 * ```
 */
export function sizeEntry(sizing: Sizing, x: SizeInputs): number {
  if (!(x.price > 0) || !(x.equity > 0)) return 0;
  let budget: number;
  if (sizing.mode === "percent_equity") budget = x.equity * sizing.percent / 100;
  else if (sizing.mode === "fixed_cash") budget = sizing.amount;
  else {
    if (!(x.atr > 0)) return 0;
    const perShareRisk = x.atr * sizing.atrMultiple;
    budget = (x.equity * sizing.riskPercent / 100) / perShareRisk * x.price;
  }
  if (budget > x.cash) budget = x.cash;
  if (budget > x.equity) budget = x.equity;
  const q = budget / (x.price * (1 + x.feeBps / 1e4));
  const qty = x.fractional ? q : Math.floor(q + 1e-9);
  return qty > 0 ? qty : 0;
}
