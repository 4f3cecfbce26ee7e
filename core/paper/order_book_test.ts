import assert from "node:assert/strict";
import fc from "fast-check";
import { matchOrder } from "../execution/match.ts";
import { applyFill, newLedger } from "../execution/ledger.ts";
import { type BookBar, OrderBook } from "./order_book.ts";

interface TestOrder {
  id: number;
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: number;
  price: number | null;
  /** Day after whose matching the order is placed (−1: open before the replay). */
  placed: number;
}
type Day = Map<string, BookBar>;
type Costs = { feeBps: number; minFee: number; slippageBps: number };

/**
 * The replay's matching loop, either as it was (every open order checked on every bar, in
 * arrival order) or on the order book; returns every fill and rejection in order, the final
 * cash and the orders left open.
 */
function replay(mode: "naive" | "book", orders: TestOrder[], days: Day[], cash: number, c: Costs) {
  const ledger = newLedger(cash);
  const events: unknown[] = [];
  const close = (o: TestOrder, d: number, bar: BookBar) => {
    const m = matchOrder(o, bar, ledger, c);
    if (m === null) return false;
    if (m.kind === "fill") {
      applyFill(ledger, { symbol: o.symbol, side: o.side, qty: o.qty, price: m.price, fee: m.fee });
    }
    events.push({ d, id: o.id, ...m });
    return true;
  };
  const placedOn = (d: number) => orders.filter((o) => o.placed === d);
  let pending = placedOn(-1);
  const book = new OrderBook<TestOrder>();
  for (const o of pending) book.add(o);
  days.forEach((bars, d) => {
    if (mode === "naive") {
      pending = pending.filter((o) => {
        const bar = bars.get(o.symbol);
        return !bar || !close(o, d, bar);
      });
      pending.push(...placedOn(d));
    } else {
      const due = [...book.symbols()].flatMap((s) => {
        const bar = bars.get(s);
        return bar ? book.take(s, bar) : [];
      }).sort((x, y) => x.seq - y.seq);
      for (const e of due) if (!close(e.order, d, bars.get(e.order.symbol)!)) book.putBack(e);
      for (const o of placedOn(d)) book.add(o);
    }
  });
  const left = mode === "naive"
    ? pending
    : [...book.symbols()].flatMap((s) =>
      book.take(s, { open: -Infinity, high: Infinity, low: -Infinity })
    ).sort((x, y) => x.seq - y.seq).map((e) => e.order);
  return { events, cash: ledger.cash, left: left.map((o) => o.id).sort((a, b) => a - b) };
}

const SYMBOLS = ["A", "B", "C"];
const price = fc.double({ min: 80, max: 120, noNaN: true });
const odd = fc.oneof(price, fc.constant(NaN), fc.constant(100));
const bar = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(price, price, price, price) },
  { weight: 1, arbitrary: fc.tuple(odd, odd, odd, odd) }, // corrupt bars: open outside, NaN
).map(([a, b, o, w]) => {
  const sane = Number.isFinite(a + b + o + w) && w > 90;
  const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
  return sane
    ? { open: Math.min(hi, Math.max(lo, o)), high: hi, low: lo }
    : { open: o, high: a, low: b };
});
const day = fc.array(fc.option(bar, { freq: 5 }), { minLength: 3, maxLength: 3 })
  .map((bars) => new Map(bars.flatMap((b, i) => (b ? [[SYMBOLS[i]!, b]] : []))) as Day);

const arb = fc.integer({ min: 1, max: 40 }).chain((nDays) =>
  fc.record({
    days: fc.array(day, { minLength: nDays, maxLength: nDays }),
    orders: fc.array(
      fc.record({
        symbol: fc.constantFrom(...SYMBOLS),
        side: fc.constantFrom("buy" as const, "sell" as const),
        type: fc.constantFrom("market" as const, "limit" as const, "stop" as const),
        qty: fc.integer({ min: 1, max: 60 }),
        level: fc.oneof(price, fc.constantFrom(90, 100, 110)),
        placed: fc.integer({ min: -1, max: nDays - 1 }),
      }),
      { maxLength: 80 },
    ),
    cash: fc.oneof(fc.constant(1e9), fc.integer({ min: 0, max: 20_000 })),
    costs: fc.record({
      feeBps: fc.integer({ min: 0, max: 50 }),
      minFee: fc.integer({ min: 0, max: 5 }),
      slippageBps: fc.integer({ min: 0, max: 30 }),
    }),
  })
);

Deno.test("OrderBook - matching through the price index fills exactly as checking every order on every bar", () => {
  fc.assert(
    fc.property(arb, ({ days, orders, cash, costs }) => {
      const list: TestOrder[] = orders.map((o, id) => ({
        id,
        symbol: o.symbol,
        side: o.side,
        type: o.type,
        qty: o.qty,
        price: o.type === "market" ? null : o.level,
        placed: o.placed,
      }));
      assert.deepEqual(
        replay("book", list, days, cash, costs),
        replay("naive", list, days, cash, costs),
      );
    }),
    { numRuns: 400, seed: 20261203 },
  );
});

Deno.test("OrderBook.take() - returns only the reached orders, oldest first, and keeps the rest", () => {
  const book = new OrderBook();
  const o = (side: "buy" | "sell", type: "limit" | "stop" | "market", price: number | null) =>
    ({ symbol: "X", side, type, price }) as const;
  const orders = [
    o("buy", "limit", 99), // reached: low 98
    o("buy", "limit", 90),
    o("sell", "limit", 101), // reached: high 102
    o("sell", "limit", 110),
    o("buy", "stop", 102), // reached: high 102
    o("buy", "stop", 103),
    o("sell", "stop", 98), // reached: low 98
    o("sell", "stop", 97),
    o("buy", "market", null), // always reached
  ];
  for (const x of orders) book.add(x);
  const got = book.take("X", { open: 100, high: 102, low: 98 }).map((e) => e.seq);
  assert.deepEqual(got, [0, 2, 4, 6, 8]);
  assert.equal(book.size, 4);
  assert.deepEqual(book.take("Y", { open: 1, high: 1e9, low: 0 }), []);
  // a gap through every level reaches the remaining orders of each side
  assert.deepEqual(book.take("X", { open: 80, high: 80, low: 80 }).map((e) => e.seq), [1, 7]);
  assert.deepEqual(book.take("X", { open: 120, high: 120, low: 120 }).map((e) => e.seq), [3, 5]);
  assert.equal(book.size, 0);
});
