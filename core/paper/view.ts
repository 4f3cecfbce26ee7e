/**
 * Valuing a paper account at its clock.
 *
 * @module
 */
import { lowerBound, type Series } from "../market_data/series.ts";
import type { Ledger } from "../execution/ledger.ts";
import type { AccountRow } from "./store.ts";

/** Close of the last bar on or before `date`, or null. */
export function lastClose(s: Series, date: string): number | null {
  const i = lowerBound(s.dates, date + "\uffff") - 1;
  return i >= 0 ? s.close[i]! : null;
}

/** An account as returned by the API. */
export type AccountView = Awaited<ReturnType<typeof accountView>>;

/** Values the ledger at the last closes on or before the clock. */
export async function accountView(
  a: AccountRow,
  l: Ledger,
  series: (symbol: string) => Promise<Series>,
) {
  const positions = [];
  let value = 0, unrealised = 0;
  for (const [symbol, p] of l.positions) {
    const last = lastClose(await series(symbol), a.clock);
    const mark = last ?? p.avgCost;
    value += p.qty * mark;
    unrealised += p.qty * (mark - p.avgCost);
    positions.push({
      symbol,
      qty: p.qty,
      avg_cost: p.avgCost,
      last,
      market_value: p.qty * mark,
      unrealised: p.qty * (mark - p.avgCost),
    });
  }
  return {
    id: a.id,
    name: a.name,
    clock: a.clock,
    starting_cash: a.starting_cash,
    cash: l.cash,
    equity: l.cash + value,
    realised: l.realised,
    unrealised,
    fees: l.fees,
    costs: { fee_bps: a.fee_bps, min_fee: a.min_fee, slippage_bps: a.slippage_bps },
    risk: {
      max_position_pct: a.max_position_pct,
      max_order_value: a.max_order_value,
      kill_switch: a.kill_switch === 1,
    },
    positions,
  };
}
