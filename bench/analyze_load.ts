/**
 * `/analyze` benchmark (issue 3): one symbol with 2,520 bars (SPX, period "10y"), everything but
 * the AI, at 32 concurrent keep-alive connections against a real core process on 127.0.0.1.
 * Reports req/s, p50 and p99 over HTTP (core caches an analysis per symbol, data version and
 * period, so this is the served path), and the uncached computation per request measured
 * in-process on the same bars (indicators, signals, score, patterns). Target: p99 ≤ 20 ms.
 *
 * Run: `deno run -A bench/analyze_load.ts` (BENCH_SECONDS=5).
 *
 * @module
 */
import { runLoad, table } from "../tests/load/load_gen.ts";
import { removeSqlite, startService, tempSqliteUrl } from "../tests/helpers/services.ts";
import { bundledSeries } from "../tests/helpers/bundled.ts";
import { analyzeSeries } from "../core/analysis/analyze.ts";
import { patternsSummary } from "../core/analysis/patterns_summary.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 5);
const out = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

// Uncached computation: the last 2,520 bars of the real SPX history (10 years).
const spx = bundledSeries("SPX");
const cols = spx;
const runs: number[] = [];
for (let i = 0; i < 40; i++) {
  const t0 = performance.now();
  const a = analyzeSeries({
    symbol: "SPX",
    market: "US",
    cols,
    period: "10y",
    patterns: patternsSummary,
  });
  runs.push(performance.now() - t0);
  if (a.data_points < 2500) throw new Error(`expected ~2,520 bars, got ${a.data_points}`);
}
runs.sort((a, b) => a - b);
out(
  `uncached analyzeSeries + patterns, SPX 10y (${spx.close.length} bars of history): p50 ${
    runs[20]!.toFixed(2)
  } ms, max ${runs.at(-1)!.toFixed(2)} ms`,
);

const dbUrl = tempSqliteUrl("analyze-bench");
const core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" }, {
  readyPath: "/health",
});
try {
  const url = `${core.url}/analyze/SPX`;
  const body = { period: "10y", include_patterns: true };
  const warm = await fetch(url, {
    method: "POST",
    body: JSON.stringify(body),
    headers: { "content-type": "application/json" },
  });
  if (warm.status !== 200) throw new Error(`analyze answered ${warm.status}`);
  const points = (await warm.json()).data_points;
  const r = await runLoad(() => ({ route: "POST /analyze/SPX", url, method: "POST", body }), {
    connections: 32,
    durationMs: seconds * 1000,
  });
  out(`POST /analyze/SPX period=10y (${points} bars), 32 connections, ${seconds} s:`);
  out(
    table(["route", "req/s", "p50 ms", "p99 ms", "errors"], [[
      "POST /analyze/SPX",
      r.rps.toFixed(0),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.errors,
    ]]),
  );
  out(`target p99 ≤ 20 ms: ${r.p99 <= 20 ? "met" : "NOT met"}`);
} finally {
  await core.stop();
  removeSqlite(dbUrl);
}
