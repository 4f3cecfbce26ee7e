/**
 * Type-checking a call of a registry indicator: `sma(200)`, `sma(volume, 20)`,
 * `bollinger(20, 2).upper`, `macd(fast: 5)`, parameters checked against the registry's bounds.
 * Private to core/rules.
 *
 * @module
 */
import { resolveParams } from "../indicators/compute.ts";
import type { IndicatorSpec } from "../indicators/registry.ts";
import type { Arg, Span } from "./ast.ts";
import { type Checker, type Typed } from "./_checker.ts";
import { SOURCE_INDICATORS } from "./functions.ts";
import type { Node } from "./nodes.ts";
import { didYouMean } from "./suggest.ts";

/** Checks an indicator call; `field` is the `.output` written after it, if any. */
export function indicatorCall(
  c: Checker,
  spec: IndicatorSpec,
  args: readonly Arg[],
  typed: (a: Arg) => Typed,
  span: Span,
  field?: { name: string; span: Span },
): Typed {
  const takesSource = SOURCE_INDICATORS.has(spec.name);
  let source: Node | undefined;
  const given: Record<string, number> = {};
  const spans: Record<string, Span> = {};
  let k = 0;
  for (const [j, a] of args.entries()) {
    const x = typed(a);
    if (a.name === "source" || (a.name === undefined && j === 0 && x.t === "series")) {
      if (!takesSource) {
        c.fail(`${spec.name} reads the bars itself; it takes no source series`, a.span);
      }
      source = c.series(x, `${spec.name}'s source`);
      continue;
    }
    const q = a.name === undefined ? spec.params[k++] : spec.params.find((p) => p.name === a.name);
    if (!q) {
      const names = spec.params.map((p) => p.name);
      c.fail(
        a.name === undefined
          ? `${spec.name} takes ${spec.params.length} parameter(s)` +
            (names.length ? ` (${names.join(", ")})` : "")
          : `${spec.name} has no parameter "${a.name}"${didYouMean(a.name, names)}`,
        a.span,
      );
    }
    if (x.t !== "number") {
      c.fail(
        `${spec.name}'s ${q.name} must be a number known before the rule runs, not a ${x.t}`,
        a.span,
      );
    }
    if (q.name in given) c.fail(`${spec.name}'s ${q.name} is given twice`, a.span);
    given[q.name] = x.v;
    spans[q.name] = a.span;
  }
  let params;
  try {
    params = resolveParams(spec, given);
  } catch (e) {
    const msg = (e as Error).message.replace(/^Cannot compute [a-z_0-9]+: /, "");
    const bad = Object.keys(spans).find((n) => msg.startsWith(n));
    return c.fail(`${spec.name}: ${msg}`, bad ? spans[bad]! : span);
  }
  const output = field?.name ?? (spec.outputs.includes(spec.name) ? spec.name : undefined);
  if (output === undefined) {
    c.fail(
      `${spec.name} has several outputs; choose one: ${
        spec.outputs.map((o) => `.${o}`).join(", ")
      }`,
      span,
    );
  }
  if (!spec.outputs.includes(output)) {
    c.fail(
      `${spec.name} has no output "${output}"${didYouMean(output, spec.outputs)} ` +
        `(outputs: ${spec.outputs.join(", ")})`,
      field?.span ?? span,
    );
  }
  const values = spec.params.map((q) => String(params[q.name]));
  const src = takesSource ? [source?.key ?? "close"] : [];
  const callKey = `${spec.name}(${[...src, ...values].join(",")})`;
  const key = output === spec.name ? callKey : `${callKey}.${output}`;
  const lookback = spec.warmup(params) + (source?.lookback ?? 0);
  const node = c.node(
    { op: "indicator", kind: "series", spec, params, output, callKey, source },
    key,
    lookback,
    2,
    span,
  );
  return { t: "series", node, span };
}
