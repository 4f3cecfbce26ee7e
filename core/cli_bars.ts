/**
 * Shared pieces of the `backtest` and `optimise` tasks: flag parsing that passes unknown
 * `--name value` flags through as strategy parameters, loading a symbol's stored bars (the
 * database seeded with the bundled real data, as the server does), and table printing.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import type { Cols } from "./backtest/types.ts";
import { buildDeps } from "./deps.ts";
import { rangeIndices } from "./market_data/series.ts";
import type { Interval } from "@trading/shared/schemas";
import { completeBarCount } from "./timeframes/aggregate.ts";
import { loadBars as barsAt } from "./timeframes/load_bars.ts";

/** Prints a line to stdout. */
export const print = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

/** Prints to stderr and exits 1. */
export const fail = (s: string): never => {
  Deno.stderr.writeSync(new TextEncoder().encode(s + "\n"));
  Deno.exit(1);
};

/** Parsed flags: the known ones and the rest (strategy parameters). */
export function parseFlags(args: string[], known: readonly string[]) {
  const flags: Record<string, string[]> = {};
  const params: Record<string, unknown> = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (!a.startsWith("--")) fail(`unexpected argument ${a}`);
    const [name, inline] = a.slice(2).split("=", 2) as [string, string | undefined];
    const next = args[k + 1];
    const value = inline ?? (next !== undefined && !next.startsWith("--") ? (k++, next) : "true");
    if (known.includes(name)) (flags[name] ??= []).push(value);
    else params[name.replaceAll("-", "_")] = coerce(value);
  }
  return { flags, params };
}

function coerce(v: string): unknown {
  if (v === "true" || v === "false") return v === "true";
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : v;
}

/** A number flag, or the default; exits with a message when it is not a number. */
export function num(flags: Record<string, string[]>, name: string, dflt: number): number {
  const v = flags[name]?.at(-1);
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!Number.isFinite(n)) fail(`--${name}: expected a number, got ${v}`);
  return n;
}

/**
 * The bars of `symbol` at `interval` (daily by default) within `from..to`, without a last week
 * or month that has not ended, as the backtest route reads them (the database is migrated and
 * seeded first).
 */
export async function loadBars(
  symbol: string,
  from?: string,
  to?: string,
  interval: Interval = "1d",
): Promise<Cols> {
  const config = loadConfig(CoreEnvSchema, Deno.env.toObject());
  const deps = await buildDeps(config, createLogger({ service: "cli", level: "warn" }));
  try {
    const s = await barsAt(deps, symbol, interval);
    const range = rangeIndices(s, { from, to });
    const start = range.start, end = Math.min(range.end, completeBarCount(s));
    return {
      dates: s.dates.slice(start, end),
      open: s.open.slice(start, end),
      high: s.high.slice(start, end),
      low: s.low.slice(start, end),
      close: s.close.slice(start, end),
      volume: s.volume.slice(start, end),
    };
  } finally {
    await deps.db.close();
  }
}

/** Formats rows as an aligned text table. */
export function table(head: string[], rows: (string | number)[][]): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const w = head.map((_, c) => Math.max(...cells.map((r) => r[c]!.length)));
  return cells.map((r) => r.map((x, c) => x.padStart(w[c]!)).join("  ")).join("\n");
}

/** A metric as text (percent for fractions, — for null). */
export function fmt(x: number | null, pct = false): string {
  if (x === null) return "—";
  return pct ? `${(x * 100).toFixed(2)}%` : Number.isInteger(x) ? String(x) : x.toFixed(2);
}
