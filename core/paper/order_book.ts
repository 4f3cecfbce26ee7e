/**
 * The open orders of a replay indexed by price, so that a bar visits only the orders it can
 * fill instead of every open order. Pure (no I/O, no clock).
 *
 * Each symbol keeps its market orders in a list and its resting orders in four ladders sorted
 * by level. The fill model (core/execution/fill_model.ts) reaches a buy limit L when
 * `open <= L || low <= L`, a sell limit when `open >= L || high >= L`, a buy stop S when
 * `open >= S || high >= S` and a sell stop when `open <= S || low <= S`; each ladder is sorted
 * so that the orders a bar reaches are a suffix, found by binary search and cut off in one
 * step. Orders carry their arrival rank, so the caller can visit the reached orders in the
 * order a plain scan of all open orders would have (fills spend cash in that order).
 *
 * @module
 */
import type { OrderType, Side } from "../execution/fill_model.ts";

/** An order as the book indexes it. */
export interface BookOrder {
  /** Symbol. */
  readonly symbol: string;
  /** Buy or sell. */
  readonly side: Side;
  /** Market, limit or stop. */
  readonly type: OrderType;
  /** Limit or stop level (null for market). */
  readonly price: number | null;
}

/** An order held by the book with its arrival rank (lower arrived first). */
export interface BookEntry<T> {
  /** The order. */
  readonly order: T;
  /** Arrival rank. */
  readonly seq: number;
}

/** A bar's prices that decide which orders it reaches. */
export interface BookBar {
  /** Open. */
  open: number;
  /** High. */
  high: number;
  /** Low. */
  low: number;
}

/** Orders sorted by ascending key; a bar reaches those whose key is ≥ its threshold. */
class Ladder<T> {
  readonly keys: number[] = [];
  readonly entries: BookEntry<T>[] = [];

  /** First index whose key is ≥ `x` (the length for NaN: nothing is reached). */
  #from(x: number): number {
    if (Number.isNaN(x)) return this.keys.length;
    let lo = 0, hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  insert(key: number, e: BookEntry<T>): void {
    let i = this.#from(key);
    while (i < this.keys.length && this.keys[i] === key) i++; // after equal keys
    this.keys.splice(i, 0, key);
    this.entries.splice(i, 0, e);
  }

  /** Removes and appends to `out` the entries with key ≥ `a` or key ≥ `b`. */
  take(a: number, b: number, out: BookEntry<T>[]): void {
    const cut = Math.min(this.#from(a), this.#from(b));
    if (cut === this.keys.length) return;
    this.keys.length = cut;
    for (const e of this.entries.splice(cut)) out.push(e);
  }
}

/** One symbol's orders: market orders, four ladders, and orders no bar reaches (no level). */
class SymbolBook<T> {
  market: BookEntry<T>[] = [];
  readonly buyLimit = new Ladder<T>(); // key L: reached when L ≥ open or L ≥ low
  readonly sellLimit = new Ladder<T>(); // key −L: reached when −L ≥ −open or −L ≥ −high
  readonly buyStop = new Ladder<T>(); // key −S: reached when −S ≥ −open or −S ≥ −high
  readonly sellStop = new Ladder<T>(); // key S: reached when S ≥ open or S ≥ low
  readonly never: BookEntry<T>[] = [];
}

/**
 * Open orders indexed by symbol and price.
 *
 * @example
 * ```ts
 * const book = new OrderBook();
 * book.add({ symbol: "X", side: "buy", type: "limit", price: 95 });
 * book.add({ symbol: "X", side: "sell", type: "limit", price: 120 });
 * book.take("X", { open: 100, high: 101, low: 94 }).map((e) => e.order.price); // [95]
 * book.size; // 1
 * ```
 */
export class OrderBook<T extends BookOrder = BookOrder> {
  readonly #books = new Map<string, SymbolBook<T>>();
  #next = 0;
  #size = 0;

  /** Number of orders held. */
  get size(): number {
    return this.#size;
  }

  /** Symbols that have (or had) orders in the book. */
  symbols(): IterableIterator<string> {
    return this.#books.keys();
  }

  /** Adds an order; it ranks after every order added before it. */
  add(order: T): void {
    this.putBack({ order, seq: this.#next++ });
  }

  /** Puts back an entry {@link take} returned (an order the bar reached but did not close). */
  putBack(e: BookEntry<T>): void {
    const o = e.order;
    let b = this.#books.get(o.symbol);
    if (!b) this.#books.set(o.symbol, b = new SymbolBook<T>());
    this.#size++;
    const level = o.price ?? NaN;
    if (o.type === "market") b.market.push(e);
    else if (Number.isNaN(level)) b.never.push(e);
    else if (o.type === "limit") {
      if (o.side === "buy") b.buyLimit.insert(level, e);
      else b.sellLimit.insert(-level, e);
    } else if (o.side === "buy") b.buyStop.insert(-level, e);
    else b.sellStop.insert(level, e);
  }

  /**
   * Removes and returns the orders of `symbol` that `bar` reaches (every market order, and the
   * limits and stops whose level the bar touches or gaps through), oldest first. The work is
   * O(log n + reached orders).
   */
  take(symbol: string, bar: BookBar): BookEntry<T>[] {
    const b = this.#books.get(symbol);
    if (!b) return [];
    const out = b.market;
    b.market = [];
    b.buyLimit.take(bar.open, bar.low, out);
    b.sellLimit.take(-bar.open, -bar.high, out);
    b.buyStop.take(-bar.open, -bar.high, out);
    b.sellStop.take(bar.open, bar.low, out);
    this.#size -= out.length;
    return out.length > 1 ? out.sort((x, y) => x.seq - y.seq) : out;
  }
}
