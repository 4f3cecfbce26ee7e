/**
 * Per-bar kernels of compiled rules over `Float64Array` series and three-valued condition
 * arrays. Every kernel is causal: the value at bar i reads inputs at bars ≤ i only. Private to
 * core/rules.
 *
 * Conditions are `Uint8Array`s in Kleene's three-valued logic, so a warm-up `NaN` never makes
 * `not (rsi(14) < 30)` true: {@link F} false, {@link U} unknown (an input was `NaN`), {@link T}
 * true. `and` is the minimum, `or` the maximum, `not x` is `2 − x`.
 *
 * @module
 */
import type { ArithOp } from "./ast.ts";
import type { CmpOp, WindowFn } from "./nodes.ts";

/** False. */
export const F = 0;
/** Unknown (an input was undefined, e.g. during warm-up). */
export const U = 1;
/** True. */
export const T = 2;

/** A series or a number known at compile time. */
export type Num = Float64Array | number;

const FLIP: Record<CmpOp, CmpOp> = {
  "<": ">",
  "<=": ">=",
  ">": "<",
  ">=": "<=",
  "==": "==",
  "!=": "!=",
};

/** `a op b` per bar: T, F, or U when either side is NaN. */
export function compare(op: CmpOp, a: Num, b: Num, n: number): Uint8Array {
  if (typeof a === "number") return compare(FLIP[op], b, a, n);
  const out = new Uint8Array(n);
  if (typeof b === "number") {
    if (b !== b) return out.fill(U);
    compareScalar(op, a, b, out);
  } else compareArrays(op, a, b, out);
  return out;
}

// One loop per operator (no branch on the operator inside a loop): the screener's hot path.
// A comparison with NaN is false, so `U` is only decided on the false branch.
function compareScalar(op: CmpOp, a: Float64Array, b: number, out: Uint8Array): void {
  const n = out.length;
  let i = 0, x = 0;
  switch (op) {
    case "<":
      for (; i < n; i++) out[i] = (x = a[i]!) < b ? T : x !== x ? U : F;
      return;
    case "<=":
      for (; i < n; i++) out[i] = (x = a[i]!) <= b ? T : x !== x ? U : F;
      return;
    case ">":
      for (; i < n; i++) out[i] = (x = a[i]!) > b ? T : x !== x ? U : F;
      return;
    case ">=":
      for (; i < n; i++) out[i] = (x = a[i]!) >= b ? T : x !== x ? U : F;
      return;
    case "==":
      for (; i < n; i++) out[i] = (x = a[i]!) === b ? T : x !== x ? U : F;
      return;
    case "!=":
      for (; i < n; i++) out[i] = (x = a[i]!) !== b ? (x !== x ? U : T) : F;
  }
}

function compareArrays(op: CmpOp, a: Float64Array, b: Float64Array, out: Uint8Array): void {
  const n = out.length;
  let i = 0, x = 0, y = 0;
  switch (op) {
    case "<":
      for (; i < n; i++) out[i] = (x = a[i]!) < (y = b[i]!) ? T : x !== x || y !== y ? U : F;
      return;
    case "<=":
      for (; i < n; i++) out[i] = (x = a[i]!) <= (y = b[i]!) ? T : x !== x || y !== y ? U : F;
      return;
    case ">":
      for (; i < n; i++) out[i] = (x = a[i]!) > (y = b[i]!) ? T : x !== x || y !== y ? U : F;
      return;
    case ">=":
      for (; i < n; i++) out[i] = (x = a[i]!) >= (y = b[i]!) ? T : x !== x || y !== y ? U : F;
      return;
    case "==":
      for (; i < n; i++) out[i] = (x = a[i]!) === (y = b[i]!) ? T : x !== x || y !== y ? U : F;
      return;
    case "!=":
      for (; i < n; i++) {
        x = a[i]!, y = b[i]!;
        out[i] = x !== x || y !== y ? U : x !== y ? T : F;
      }
  }
}

/**
 * `a` crosses above (below) `b` at bar i: `a > b` (`a < b`) is true at i and was not true at
 * i − 1 (false or undefined there, or i is the first bar).
 */
export function cross(above: boolean, a: Num, b: Num, n: number): Uint8Array {
  // T at i unless it was already T at i − 1: `r − (r & was & T)` (T = 2 is the only value with
  // that bit), branch-free; two series (the common `sma(10) crosses_above sma(50)`) in one loop
  let was = F, r = F, x = 0, y = 0;
  if (typeof a !== "number" && typeof b !== "number") {
    const out = new Uint8Array(n);
    if (above) {
      for (let i = 0; i < n; i++) {
        r = (x = a[i]!) > (y = b[i]!) ? T : x !== x || y !== y ? U : F;
        out[i] = r - (r & was & T);
        was = r;
      }
    } else {
      for (let i = 0; i < n; i++) {
        r = (x = a[i]!) < (y = b[i]!) ? T : x !== x || y !== y ? U : F;
        out[i] = r - (r & was & T);
        was = r;
      }
    }
    return out;
  }
  const rel = compare(above ? ">" : "<", a, b, n); // in place: each value is read before written
  for (let i = 0; i < n; i++) {
    r = rel[i]!;
    rel[i] = r - (r & was & T);
    was = r;
  }
  return rel;
}

/** Arithmetic per bar (`/` by 0 gives NaN). */
export function arith(op: ArithOp | "min" | "max", a: Num, b: Num, n: number): Float64Array {
  const out = new Float64Array(n);
  if (typeof a === "number" && (op === "+" || op === "*" || op === "min" || op === "max")) {
    [a, b] = [b, a]; // commutative: keep the series on the left
  }
  if (typeof a !== "number" && typeof b === "number") {
    if (op === "+") { for (let i = 0; i < n; i++) out[i] = a[i]! + b; }
    else if (op === "-") { for (let i = 0; i < n; i++) out[i] = a[i]! - b; }
    else if (op === "*") { for (let i = 0; i < n; i++) out[i] = a[i]! * b; }
    else if (op === "/") { for (let i = 0; i < n; i++) out[i] = a[i]! / b; // b ≠ 0 (checked)
     } else general(op, a, b, out);
    return out;
  }
  if (typeof a !== "number" && typeof b !== "number") {
    if (op === "+") { for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!; }
    else if (op === "-") { for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!; }
    else if (op === "*") { for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!; }
    else general(op, a, b, out);
    return out;
  }
  general(op, a, b, out);
  return out;
}

function general(op: ArithOp | "min" | "max", a: Num, b: Num, out: Float64Array): void {
  const sa = typeof a === "number", sb = typeof b === "number";
  for (let i = 0; i < out.length; i++) {
    const x = sa ? a : a[i]!, y = sb ? b : b[i]!;
    out[i] = op === "+"
      ? x + y
      : op === "-"
      ? x - y
      : op === "*"
      ? x * y
      : op === "/"
      ? (y === 0 ? NaN : x / y)
      : x !== x || y !== y
      ? NaN
      : op === "min"
      ? Math.min(x, y)
      : Math.max(x, y);
  }
}

/** `-x` or `|x|` per bar. */
export function unary(op: "neg" | "abs", a: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = op === "neg" ? -a[i]! : Math.abs(a[i]!);
  return out;
}

/** Three-valued `and` (minimum) or `or` (maximum) of several conditions. */
export function logic(op: "and" | "or", inputs: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(inputs[0]!);
  for (let k = 1; k < inputs.length; k++) {
    const x = inputs[k]!;
    let y = 0;
    if (op === "and") { for (let i = 0; i < n; i++) (y = x[i]!) < out[i]! && (out[i] = y); }
    else for (let i = 0; i < n; i++) (y = x[i]!) > out[i]! && (out[i] = y);
  }
  return out;
}

/** Three-valued `not`. */
export function not(a: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = T - a[i]!;
  return out;
}

function extreme(a: Float64Array, n: number, high: boolean): Float64Array {
  const len = a.length, out = new Float64Array(len).fill(NaN);
  const q = new Int32Array(len); // monotonic deque of indices
  let head = 0, tail = 0, lastNaN = -1;
  for (let i = 0; i < len; i++) {
    const x = a[i]!;
    if (x !== x) lastNaN = i;
    else {
      while (tail > head && (high ? a[q[tail - 1]!]! <= x : a[q[tail - 1]!]! >= x)) tail--;
      q[tail++] = i;
    }
    while (tail > head && q[head]! <= i - n) head++;
    if (i >= n - 1 && lastNaN <= i - n && tail > head) out[i] = a[q[head]!]!;
  }
  return out;
}

/** `prev`, `change`, `pct_change` (percent), `highest`, `lowest` over the last `n` bars. */
export function windowed(fn: WindowFn, a: Float64Array, n: number): Float64Array {
  if (fn === "highest" || fn === "lowest") return extreme(a, n, fn === "highest");
  const out = new Float64Array(a.length).fill(NaN);
  for (let i = n; i < a.length; i++) {
    const x = a[i]!, p = a[i - n]!;
    out[i] = fn === "prev" ? p : fn === "change" ? x - p : p === 0 ? NaN : (x / p - 1) * 100;
  }
  return out;
}

/** True when `a` was true on one of the last `n` bars; unknown when only unknowns are there. */
export function within(a: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(a.length);
  let lastT = -Infinity, lastU = -Infinity;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === T) lastT = i;
    else if (a[i] === U) lastU = i;
    out[i] = i - lastT < n ? T : i - lastU < n ? U : F;
  }
  return out;
}

/** Bars since `a` was last true (0 on a true bar), NaN before the first true bar. */
export function barsSince(a: Uint8Array): Float64Array {
  const out = new Float64Array(a.length);
  let last = -1;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === T) last = i;
    out[i] = last < 0 ? NaN : i - last;
  }
  return out;
}

/** A condition true on the bars in `hits` and the `n − 1` bars after each, false elsewhere. */
export function marks(hits: Iterable<number>, len: number, n: number): Uint8Array {
  const out = new Uint8Array(len);
  for (const h of hits) for (let i = h; i < Math.min(len, h + n); i++) out[i] = T;
  return out;
}
