/**
 * Computing indicators by name: parameter resolution and validation, the `name:p1:p2` request
 * syntax, and the output keys that keep two parameterisations apart (`sma` vs `sma_50`).
 *
 * @module
 */
import {
  findIndicator,
  indicatorNames,
  type IndicatorParams,
  type IndicatorSpec,
  type OhlcvSeries,
} from "./registry.ts";

/** An indicator with fully resolved parameters. */
export interface IndicatorRequest {
  /** The indicator. */
  spec: IndicatorSpec;
  /** Every parameter, defaults filled in. */
  params: IndicatorParams;
}

function lookup(name: string): IndicatorSpec {
  const spec = findIndicator(name);
  if (!spec) {
    throw new RangeError(
      `Unknown indicator "${name}"; accepted names: ${indicatorNames().join(", ")}`,
    );
  }
  return spec;
}

/**
 * Fills defaults and checks every parameter against its bounds (and cross-parameter rules such
 * as MACD's fast < slow); throws `RangeError` naming the indicator and parameter.
 *
 * @example
 * ```ts
 * import { resolveParams } from "./compute.ts";
 * import { findIndicator } from "./registry.ts";
 *
 * resolveParams(findIndicator("macd")!, { fast: 5 }); // { fast: 5, slow: 26, signal: 9 }
 * ```
 */
export function resolveParams(
  spec: IndicatorSpec,
  given: Readonly<Record<string, number | undefined>> = {},
): IndicatorParams {
  const out: Record<string, number> = {};
  for (const key of Object.keys(given)) {
    if (given[key] !== undefined && !spec.params.some((q) => q.name === key)) {
      const known = spec.params.map((q) => q.name).join(", ") || "none";
      throw new RangeError(
        `Cannot compute ${spec.name}: unknown parameter "${key}" (parameters: ${known})`,
      );
    }
  }
  for (const q of spec.params) {
    const v = given[q.name] ?? q.default;
    const kind = q.integer ? "an integer" : "a number";
    if (!Number.isFinite(v) || (q.integer && !Number.isInteger(v)) || v < q.min || v > q.max) {
      throw new RangeError(
        `Cannot compute ${spec.name}: ${q.name} must be ${kind} from ${q.min} to ${q.max}, ` +
          `current value is ${v}`,
      );
    }
    out[q.name] = v;
  }
  spec.warmup(out); // runs the indicator's own argument checks (e.g. MACD fast < slow)
  return out;
}

/**
 * Parses one token of the `names` syntax: `rsi`, `sma:50`, `bollinger:20:2`, `macd:5:35:5`
 * (parameters positional, in the order of `spec.params`; omitted ones take their defaults).
 * Throws `RangeError` with a message saying what is accepted.
 *
 * @example
 * ```ts
 * parseIndicatorToken("bb:20:2.5").params; // { period: 20, k: 2.5 }
 * ```
 */
export function parseIndicatorToken(token: string): IndicatorRequest {
  const [rawName = "", ...rawParams] = token.trim().split(":");
  const spec = lookup(rawName);
  if (rawParams.length > spec.params.length) {
    const list = spec.params.map((q) => q.name).join(":");
    throw new RangeError(
      `Cannot compute ${spec.name}: it takes ${spec.params.length} parameter(s)` +
        (list ? ` (${spec.name}:${list})` : "") + `, "${token.trim()}" gives ${rawParams.length}`,
    );
  }
  const given: Record<string, number> = {};
  rawParams.forEach((raw, j) => {
    const q = spec.params[j]!;
    // Plain decimal numbers only (Number() would also accept "0x10", "1e1", "Infinity").
    const v = /^\s*-?\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
    if (Number.isNaN(v)) {
      throw new RangeError(
        `Cannot compute ${spec.name}: ${q.name} must be a number, current value is "${raw}"`,
      );
    }
    given[q.name] = v;
  });
  return { spec, params: resolveParams(spec, given) };
}

/**
 * The key of one output in a response: the plain output name with default parameters
 * (`sma`, `signal`), otherwise suffixed with every parameter (`sma_50`, `signal_5_35_5`).
 *
 * @example
 * ```ts
 * outputKey(parseIndicatorToken("macd:5:35:5"), "signal"); // "signal_5_35_5"
 * ```
 */
export function outputKey(req: IndicatorRequest, output: string): string {
  const { spec, params } = req;
  if (spec.params.every((q) => params[q.name] === q.default)) return output;
  return [output, ...spec.params.map((q) => String(params[q.name]))].join("_");
}

/**
 * Index of the first bar at which every output of `name` with `params` is finite.
 *
 * @example
 * ```ts
 * indicatorWarmup("macd"); // 33
 * ```
 */
export function indicatorWarmup(
  name: string,
  params: Readonly<Record<string, number | undefined>> = {},
): number {
  const spec = lookup(name);
  return spec.warmup(resolveParams(spec, params));
}

/**
 * Computes the indicator called `name` (aliases accepted) over the whole series; returns one
 * array per output, keyed by the plain output names of its spec. Throws `RangeError` on an
 * unknown name or a parameter out of bounds.
 *
 * @example
 * ```ts
 * import { computeIndicator } from "./compute.ts";
 * import type { OhlcvSeries } from "./registry.ts";
 *
 * const close = Float64Array.from({ length: 60 }, (_, i) => 100 + i * 0.2 + 5 * Math.sin(i / 5));
 * const series: OhlcvSeries = {
 *   open: close.map((c) => c - 0.5),
 *   high: close.map((c) => c + 1.5),
 *   low: close.map((c) => c - 1.5),
 *   close,
 *   volume: close.map((_, i) => 1_000_000 + (i % 5) * 100_000),
 * };
 * const { upper, middle, lower } = computeIndicator("bollinger", { period: 20 }, series);
 * computeIndicator("bb", { k: 2.5 }, series); // aliases work; missing parameters take defaults
 * ```
 */
export function computeIndicator(
  name: string,
  params: Readonly<Record<string, number | undefined>>,
  series: OhlcvSeries,
): Record<string, Float64Array> {
  const spec = lookup(name);
  return spec.compute(resolveParams(spec, params), series);
}
