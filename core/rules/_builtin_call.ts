/**
 * Type-checking the language's own functions: windows (`prev`, `highest`…), `abs`, `min`,
 * `max`, `crosses_above(a, b)`, `within`, `bars_since` and the analysis terms (`pattern`,
 * `candle`, `signal`, `score`). Private to core/rules.
 *
 * @module
 */
import type { Arg, Span } from "./ast.ts";
import { type Checker, keyOf, lookbackOf, type NodeInit, type Typed } from "./_checker.ts";
import { compareNodes } from "./check.ts";
import { CANDLE_NAMES, MAX_LOOKBACK, PATTERN_NAMES, signalNames } from "./functions.ts";
import type { WindowFn } from "./nodes.ts";
import { didYouMean } from "./suggest.ts";

/** Parameter names of each function, in positional order (`?` marks optional ones). */
const SIGNATURES: Record<string, readonly string[]> = {
  prev: ["x", "n"],
  highest: ["x", "n"],
  lowest: ["x", "n"],
  change: ["x", "n"],
  pct_change: ["x", "n"],
  abs: ["x"],
  min: ["a", "b"],
  max: ["a", "b"],
  crosses_above: ["a", "b"],
  crosses_below: ["a", "b"],
  within: ["cond", "n"],
  bars_since: ["cond"],
  pattern: ["kind", "confirmed?", "within?", "min_confidence?"],
  candle: ["kind", "within?"],
  signal: ["name", "within?"],
  score: [],
};

/** Names of the language's own functions. */
export const BUILTIN_NAMES: readonly string[] = Object.keys(SIGNATURES);

/** Look-back added by each window function for a window of `n` bars. */
const WINDOW_LOOKBACK: Record<WindowFn, (n: number) => number> = {
  prev: (n) => n,
  change: (n) => n,
  pct_change: (n) => n,
  highest: (n) => n - 1,
  lowest: (n) => n - 1,
};

function bind(
  c: Checker,
  name: string,
  args: readonly Arg[],
  typed: (a: Arg) => Typed,
  span: Span,
): Record<string, Typed> {
  const sig = SIGNATURES[name]!;
  const names = sig.map((s) => s.replace("?", ""));
  const out: Record<string, Typed> = {};
  let k = 0;
  for (const a of args) {
    const p = a.name ?? names[k++];
    if (p === undefined || !names.includes(p)) {
      c.fail(
        a.name === undefined
          ? `${name} takes ${names.length} argument(s) (${names.join(", ")})`
          : `${name} has no argument "${a.name}"${didYouMean(a.name, names)}`,
        a.span,
      );
    }
    if (p in out) c.fail(`${name}'s ${p} is given twice`, a.span);
    out[p] = typed(a);
  }
  for (const s of sig) {
    if (!s.endsWith("?") && !(s in out)) {
      c.fail(`${name} needs its ${s} argument (${name}(${names.join(", ")}))`, span);
    }
  }
  return out;
}

function oneOf(c: Checker, x: Typed | undefined, what: string, names: readonly string[]): string {
  if (x?.t !== "string") {
    return c.fail(`${what} must be a quoted name, e.g. "${names[0]}"`, x!.span);
  }
  if (!names.includes(x.v)) c.fail(`unknown ${what} "${x.v}"${didYouMean(x.v, names)}`, x.span);
  return x.v;
}

function term(c: Checker, name: string, a: Record<string, Typed>, span: Span): Typed {
  const within = a.within ? c.bars(a.within, `${name}'s within`, MAX_LOOKBACK) : 1;
  let init: NodeInit, key: string, cost: number;
  if (name === "pattern") {
    const kind = oneOf(c, a.kind, "chart pattern", PATTERN_NAMES);
    if (a.confirmed && (a.confirmed.t !== "bool" || !a.confirmed.v)) {
      c.fail(
        "only confirmed patterns (a close through the breakout level) can be tested bar by bar; " +
          "a pending formation may still change with later bars",
        a.confirmed.span,
      );
    }
    const mc = a.min_confidence;
    if (mc && (mc.t !== "number" || mc.v < 0 || mc.v > 1)) {
      c.fail("pattern's min_confidence must be a number from 0 to 1", mc.span);
    }
    const minConfidence = mc?.t === "number" ? mc.v : 0;
    init = { op: "pattern", kind: "condition", pattern: kind, within, minConfidence };
    key = `pattern("${kind}",${within},${minConfidence})`;
    cost = 1000;
  } else if (name === "candle") {
    const kind = oneOf(c, a.kind, "candlestick pattern", CANDLE_NAMES);
    init = { op: "candle", kind: "condition", candle: kind, within };
    key = `candle("${kind}",${within})`;
    cost = 300;
  } else {
    const s = oneOf(c, a.name, "signal", signalNames());
    init = { op: "signal", kind: "condition", signal: s, within };
    key = `signal("${s}",${within})`;
    cost = 500;
  }
  return { t: "condition", node: c.node(init, key, within - 1, cost, span), span };
}

/** Checks a call of one of {@link BUILTIN_NAMES}. */
export function builtinCall(
  c: Checker,
  name: string,
  args: readonly Arg[],
  typed: (a: Arg) => Typed,
  span: Span,
): Typed {
  const a = bind(c, name, args, typed, span);
  switch (name) {
    case "prev":
    case "highest":
    case "lowest":
    case "change":
    case "pct_change": {
      const x = c.series(a.x!, name);
      const n = c.bars(a.n!, `${name}'s n`, MAX_LOOKBACK);
      const fn = name as WindowFn;
      const node = c.node(
        { op: "window", kind: "series", fn, a: x, n },
        `${name}(${x.key},${n})`,
        x.lookback + WINDOW_LOOKBACK[fn](n),
        fn === "highest" || fn === "lowest" ? 2 : 1,
        span,
      );
      return { t: "series", node, span };
    }
    case "abs": {
      const x = c.numeric(a.x!, name);
      if (typeof x === "number") return { t: "number", v: Math.abs(x), span };
      const node = c.node(
        { op: "abs", kind: "series", a: x },
        `abs(${x.key})`,
        x.lookback,
        1,
        span,
      );
      return { t: "series", node, span };
    }
    case "min":
    case "max": {
      const x = c.numeric(a.a!, name), y = c.numeric(a.b!, name);
      if (typeof x === "number" && typeof y === "number") {
        return { t: "number", v: name === "min" ? Math.min(x, y) : Math.max(x, y), span };
      }
      const init: NodeInit = { op: "arith", kind: "series", arith: name, a: x, b: y };
      const lb = Math.max(lookbackOf(x), lookbackOf(y));
      const node = c.node(init, `${name}(${keyOf(x)},${keyOf(y)})`, lb, 1, span);
      return { t: "series", node, span };
    }
    case "crosses_above":
    case "crosses_below": {
      const x = c.numeric(a.a!, name), y = c.numeric(a.b!, name);
      return { t: "condition", node: compareNodes(c, name, x, y, span), span };
    }
    case "within": {
      const x = c.condition(a.cond!, name);
      const n = c.bars(a.n!, "within's n", MAX_LOOKBACK);
      const init: NodeInit = { op: "within", kind: "condition", a: x, n };
      const node = c.node(init, `within(${x.key},${n})`, x.lookback + n - 1, 1, span);
      return { t: "condition", node, span };
    }
    case "bars_since": {
      const x = c.condition(a.cond!, name);
      const init: NodeInit = { op: "bars_since", kind: "series", a: x };
      return { t: "series", node: c.node(init, `bars_since(${x.key})`, x.lookback, 1, span), span };
    }
    case "score":
      return {
        t: "series",
        node: c.node({ op: "score", kind: "series" }, "score", 0, 1500, span),
        span,
      };
    default:
      return term(c, name, a, span);
  }
}
