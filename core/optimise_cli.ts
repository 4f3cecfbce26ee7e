/**
 * `deno task optimise --symbol SPY --strategy sma_cross [--grid fast=5,10,20 --grid
 * slow=50,100,200] [--metric sharpe] [--walk-forward 504:126] [--workers 2] [--from D] [--to D]
 * [--fee-bps N] [--slippage-bps N] [--interval 1d|1w|1mo]`: grid search on worker threads with a
 * progress bar, then the top results, the robust (neighbourhood-averaged) choice and the walk-forward summary.
 * Without `--grid` the strategy's own grid is used; other `--name value` flags are fixed
 * parameters.
 *
 * @module
 */
import { OptimisationRequestSchema } from "@trading/shared/schemas";
import { fail, fmt, loadBars, parseFlags, print, table } from "./cli_bars.ts";
import { planOptimisation } from "./optimise/plan.ts";
import { WorkerPool } from "./optimise/pool.ts";
import { runPlan } from "./optimise/run_plan.ts";
import { type AnyStrategy, STRATEGIES, strategyFor } from "./strategies/mod.ts";

const KNOWN = [
  "symbol",
  "strategy",
  "grid",
  "metric",
  "walk-forward",
  "workers",
  "from",
  "to",
  "cash",
  "fee-bps",
  "slippage-bps",
  "short",
  "interval",
];

/** Runs the task with command-line `args`. */
export async function runOptimiseCli(args: string[]): Promise<void> {
  const { flags, params } = parseFlags(args, KNOWN);
  const last = (n: string) => flags[n]?.at(-1);
  const id = last("strategy");
  let found: AnyStrategy | undefined;
  try {
    found = id ? strategyFor(id, params) : undefined;
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  }
  const strategy = found ??
    fail(
      `usage: deno task optimise --symbol SPY --strategy ${
        Object.keys(STRATEGIES).join("|")
      } [--grid name=v1,v2 …]`,
    );
  const grid = flags.grid
    ? Object.fromEntries(flags.grid.map((g) => {
      const [name, values] = g.split("=", 2);
      return [name!, (values ?? "").split(",").map(Number)];
    }))
    : undefined;
  const wf = last("walk-forward")?.split(":").map(Number);
  const body = OptimisationRequestSchema.safeParse({
    symbol: last("symbol"),
    strategy: strategy.id,
    ...(grid ? { grid } : {}),
    fixed: params,
    ...(last("metric") ? { metric: last("metric") } : {}),
    ...(wf ? { walk_forward: { in_sample: wf[0], out_of_sample: wf[1] } } : {}),
    workers: Number(last("workers") ?? 2),
    ...(last("from") ? { from: last("from") } : {}),
    ...(last("to") ? { to: last("to") } : {}),
    cash: Number(last("cash") ?? 100_000),
    fee_bps: Number(last("fee-bps") ?? 0),
    slippage_bps: Number(last("slippage-bps") ?? 0),
    allow_short: last("short") === "true",
    ...(last("interval") ? { interval: last("interval") } : {}),
  });
  if (!body.success) {
    fail(body.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n"));
  }
  const req = body.data!;
  let pool: WorkerPool | null = null;
  try {
    const cols = await loadBars(req.symbol, req.from, req.to, req.interval);
    const plan = planOptimisation(req, strategy, cols);
    pool = new WorkerPool(plan.workers);
    const enc = new TextEncoder();
    const bar = (done: number) => {
      const f = done / plan.total, w = 30, full = Math.round(f * w);
      Deno.stderr.writeSync(
        enc.encode(`\r[${"#".repeat(full)}${".".repeat(w - full)}] ${done}/${plan.total}`),
      );
    };
    const t0 = performance.now();
    const r = await runPlan(plan, pool, bar);
    Deno.stderr.writeSync(enc.encode("\n"));
    print(
      `${strategy.name} on ${req.symbol} ${r.from}..${r.to}: ${r.combinations} combinations (${r.skipped} invalid skipped) ` +
        `${
          pool.inline
            ? "in-process (no read permission for workers)"
            : `on ${plan.workers} worker(s)`
        } in ${((performance.now() - t0) / 1000).toFixed(2)} s, ranked by ${r.metric}\n`,
    );
    const keys = Object.keys(r.top[0]?.params ?? {});
    print(table(
      [...keys, r.metric, "return", "max dd", "trades"],
      r.top.slice(0, 10).map((x) => [
        ...keys.map((k) => String(x.params[k])),
        fmt(x.score),
        fmt(x.metrics.total_return, true),
        fmt(x.metrics.max_drawdown, true),
        x.metrics.trade_count,
      ]),
    ));
    print(
      `buy & hold: return ${fmt(r.benchmark.total_return, true)}, Sharpe ${
        fmt(r.benchmark.sharpe)
      }`,
    );
    if (r.heatmap?.best && r.heatmap.robust) {
      const h = r.heatmap;
      print(
        `\nheat-map ${h.x.param} × ${h.y.param}: best cell ${h.x.param}=${h.best!.x} ${h.y.param}=${
          h.best!.y
        } (${fmt(h.best!.score)}); ` +
          `robust (3×3 average) ${h.x.param}=${h.robust!.x} ${h.y.param}=${h.robust!.y} (${
            fmt(h.robust!.score)
          })`,
      );
    }
    if (r.walk_forward) {
      const w = r.walk_forward;
      print(
        `\nwalk-forward: ${w.segments.length} out-of-sample segments, stitched return ${
          fmt(w.metrics.total_return, true)
        }, ` +
          `Sharpe ${fmt(w.metrics.sharpe)}, max drawdown ${fmt(w.metrics.max_drawdown, true)}`,
      );
      print(table(
        ["out of sample", "params", "IS score", "OOS return"],
        w.segments.map((s) => [
          `${s.oos_from}..${s.oos_to}`,
          JSON.stringify(s.params),
          fmt(s.is_score),
          fmt(s.oos.total_return, true),
        ]),
      ));
    }
  } catch (e) {
    fail(e instanceof Error ? e.message : String(e));
  } finally {
    pool?.close();
  }
}

if (import.meta.main) await runOptimiseCli(Deno.args);
