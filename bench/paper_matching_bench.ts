/**
 * Paper order matching benchmark: 500 open orders (the per-account cap) over 2,000 bars,
 * matched through the price index (core/paper/order_book.ts, what the replay runs) and by the
 * former scan of every open order on every bar (kept here only, as the baseline). Both use the
 * shared fill model and ledger; order_book_test.ts checks that they fill identically.
 *
 * Cases: "far" — resting orders out of the bars' reach (the issue's freeze: nothing fills,
 * the scan still checks every order on every bar); "spread" — levels spread ±30 % around the
 * first close, so orders fill over the replay.
 *
 * Data: the first 2,000 real SPX daily bars (2000-01-03.., `core/data/market/extra/SPX.csv`); order
 * levels come from a fixed formula, not from a random generator.
 *
 * Run: `deno bench -A bench/paper_matching_bench.ts`, or `deno run -A bench/paper_matching_bench.ts`
 * for a report with the ratio (median of 15 runs each; the machine is shared, figures vary).
 *
 * @module
 */
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { OrderBook } from "../core/paper/order_book.ts";
import { matchOrder } from "../core/execution/match.ts";
import { applyFill, type Ledger, newLedger } from "../core/execution/ledger.ts";

const BARS = 2000, ORDERS = 500;
const bars = parseOhlcvCsv(
  await Deno.readTextFile(new URL("../core/data/market/extra/SPX.csv", import.meta.url)),
).bars.slice(0, BARS);
const costs = { feeBps: 5, minFee: 1, slippageBps: 2 };

interface Order {
  symbol: string;
  side: "buy" | "sell";
  type: "limit" | "stop";
  qty: number;
  price: number;
}

function orders(kind: "far" | "spread"): Order[] {
  const ref = bars[0]!.close;
  return Array.from({ length: ORDERS }, (_, i) => {
    const side = i % 2 ? "sell" : "buy", type = i % 4 < 2 ? "limit" : "stop";
    const step = ((i * 7919) % 1000) / 1000; // 0..1, spread evenly
    const away = kind === "far" ? 1 + step : 0.3 * step; // far: 1–2× below/above, else 0–30 %
    const below = (side === "buy") === (type === "limit");
    const price = kind === "far" && below ? 1 + step : ref * (below ? 1 - away : 1 + away);
    return { symbol: "SPX", side, type, qty: 1, price };
  });
}

/** Books a fill of `o` on `ledger`; 1 (one fill). */
function bookFill(ledger: Ledger, o: Order, m: { price: number; fee: number }): number {
  applyFill(ledger, { symbol: o.symbol, side: o.side, qty: o.qty, price: m.price, fee: m.fee });
  return 1;
}

/** The former replay loop: every open order against every bar. */
function naive(list: Order[]): number {
  const ledger = newLedger(1e9);
  let pending = list, fills = 0;
  for (const bar of bars) {
    const still: Order[] = [];
    for (const o of pending) {
      const m = matchOrder(o, bar, ledger, costs);
      if (m === null) still.push(o);
      else if (m.kind === "fill") fills += bookFill(ledger, o, m);
    }
    pending = still;
  }
  return fills;
}

/** The replay's loop: only the orders each bar reaches, through the price index. */
function indexed(list: Order[]): number {
  const ledger = newLedger(1e9);
  const book = new OrderBook<Order>();
  for (const o of list) book.add(o);
  let fills = 0;
  for (const bar of bars) {
    for (const e of book.take("SPX", bar)) {
      const o = e.order;
      const m = matchOrder(o, bar, ledger, costs);
      if (m === null) book.putBack(e);
      else if (m.kind === "fill") fills += bookFill(ledger, o, m);
    }
  }
  return fills;
}

const cases = { far: orders("far"), spread: orders("spread") };
for (const [name, list] of Object.entries(cases)) {
  if (naive(list) !== indexed(list)) throw new Error(`${name}: indexed and naive fills differ`);
  Deno.bench(`${name}: ${ORDERS} orders × ${BARS} bars, naive scan`, {
    group: name,
    baseline: true,
  }, () => void naive(list));
  Deno.bench(
    `${name}: ${ORDERS} orders × ${BARS} bars, price index`,
    { group: name },
    () => void indexed(list),
  );
}

if (import.meta.main) {
  const median = (f: () => unknown) => {
    const t: number[] = [];
    for (let k = 0; k < 15; k++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    return t.sort((a, b) => a - b)[7]!;
  };
  for (const [name, list] of Object.entries(cases)) {
    const [n, x] = [median(() => naive(list)), median(() => indexed(list))];
    // deno-lint-ignore no-console
    console.log(
      `${name}: ${naive(list)} fills; naive ${n.toFixed(2)} ms, indexed ${x.toFixed(2)} ms, ` +
        `${(n / x).toFixed(0)}× faster`,
    );
  }
}
