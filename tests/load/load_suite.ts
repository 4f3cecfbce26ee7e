/**
 * `deno task test:load`: mixed traffic (quotes, candles, indicators, signals, patterns, AI
 * analysis, charts from the chart service, backtests) against real core and chart processes at
 * 64 and 256 concurrent connections, on 127.0.0.1, for LOAD_SECONDS (default 60) per level.
 * Reports req/s and p50/p99 per route, and compares the throughput with a bare `Deno.serve`
 * handler answering the same bytes for the same paths in the same run. Exits 1 on any error.
 * Rate-limited routes (AI, backtests: per-client limits by design) count their 429s separately.
 * Not part of `deno task test` (it is long and saturates the machine).
 *
 * @module
 */
import { runLoad, table } from "./load_gen.ts";
import type { LoadRequest, LoadResult } from "./load_gen.ts";
import { startBareBaseline } from "../../bench/bare_baseline.ts";
import { freePort, removeSqlite, startService, tempSqliteUrl } from "../helpers/services.ts";

const SECONDS = Number(Deno.env.get("LOAD_SECONDS") ?? 60);
const LEVELS = (Deno.env.get("LOAD_CONNECTIONS") ?? "64,256").split(",").map(Number);
const out = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));
const SYMBOLS = [
  "AAPL",
  "MSFT",
  "GOOG",
  "SPX",
  "AMZN",
  "NVDA",
  "TSLA",
  "NFLX",
  "FB",
  "INTC",
  "AMD",
  "CSCO",
  "QCOM",
];
const LIMITED = new Set(["GET /api/ai/analyze/:symbol", "POST /api/backtests"]);

/** One weighted kind of request of the mix. */
interface Kind {
  route: string;
  weight: number;
  make: (sym: string) => { path: string; method?: string; body?: unknown; chart?: boolean };
}

const MIX: Kind[] = [
  {
    route: "GET /api/symbols/:symbol/quote",
    weight: 30,
    make: (s) => ({ path: `/api/symbols/${s}/quote` }),
  },
  {
    route: "GET /api/symbols/:symbol/candles",
    weight: 30,
    make: (s) => ({ path: `/api/symbols/${s}/candles?limit=250` }),
  },
  {
    route: "GET /api/symbols/:symbol/indicators",
    weight: 10,
    make: (s) => ({ path: `/api/symbols/${s}/indicators?names=rsi,macd,sma:50` }),
  },
  {
    route: "GET /api/symbols/:symbol/signals",
    weight: 8,
    make: (s) => ({ path: `/api/symbols/${s}/signals` }),
  },
  {
    route: "GET /api/symbols/:symbol/patterns",
    weight: 5,
    make: (s) => ({ path: `/api/symbols/${s}/patterns` }),
  },
  {
    route: "GET /charts/:symbol.svg (chart)",
    weight: 10,
    make: (s) => ({ path: `/charts/${s}.svg`, chart: true }),
  },
  {
    route: "GET /api/ai/analyze/:symbol",
    weight: 4,
    make: (s) => ({ path: `/api/ai/analyze/${s}` }),
  },
  {
    route: "POST /api/backtests",
    weight: 3,
    make: (s) => ({
      path: "/api/backtests",
      method: "POST",
      body: { symbol: s, strategy: "sma_cross" },
    }),
  },
];
const TOTAL_WEIGHT = MIX.reduce((a, k) => a + k.weight, 0);

function pick(n: number): Kind {
  let r = n % TOTAL_WEIGHT;
  for (const k of MIX) {
    if (r < k.weight) return k;
    r -= k.weight;
  }
  return MIX[0]!;
}

/** The request number `i` of worker `w`, deterministic (a fixed mix, symbols rotating). */
function mixed(core: string, chart: string, w: number, i: number): LoadRequest {
  const n = (w * 7919 + i * 104729) >>> 0;
  const kind = pick(n);
  const r = kind.make(SYMBOLS[(n >>> 3) % SYMBOLS.length]!);
  return {
    route: kind.route,
    url: (r.chart ? chart : core) + r.path,
    ...(r.method ? { method: r.method } : {}),
    ...(r.body ? { body: r.body } : {}),
    ok: LIMITED.has(kind.route) ? (s) => s < 300 || s === 429 : (s) => s < 300,
  };
}

const dbUrl = tempSqliteUrl("load");
const chartPort = freePort();
const core = await startService("core", {
  DATABASE_URL: dbUrl,
  LOG_LEVEL: "warn",
  CHART_SERVICE_URL: `http://127.0.0.1:${chartPort}`,
}, { readyPath: "/health" });
const chart = await startService("chart", { CORE_SERVICE_URL: core.url, LOG_LEVEL: "warn" }, {
  port: chartPort,
});

// the bare baseline answers, for each path of the mix, the bytes core/chart gave for it
const bodies: Record<string, string> = {};
for (const kind of MIX) {
  for (const sym of SYMBOLS) {
    const r = kind.make(sym);
    if (r.method) continue;
    const path = r.path.split("?")[0]!;
    bodies[path] = await (await fetch((r.chart ? chart.url : core.url) + r.path)).text();
  }
}
const bare = await startBareBaseline(bodies, "plain");
const bareUrl = bare.url;

let failed = false;
try {
  for (const connections of LEVELS) {
    const app = await runLoad((w, i) => mixed(core.url, chart.url, w, i), {
      connections,
      durationMs: SECONDS * 1000,
      warmupMs: 2000,
      timeoutMs: 30_000,
    });
    const baseline = await runLoad((w, i) => {
      const r = mixed(bareUrl, bareUrl, w, i);
      return r.method
        ? { route: "bare", url: `${bareUrl}/api/symbols/AAPL/quote` }
        : { ...r, route: "bare", ok: (s: number) => s === 200 };
    }, { connections, durationMs: Math.min(SECONDS, 15) * 1000, warmupMs: 1000 });
    report(connections, app, baseline);
    if (app.errors > 0) failed = true;
    if (baseline.errors > 0) out(`baseline errors: ${baseline.samples.join("; ")}`);
  }
} finally {
  await bare.stop();
  await chart.stop();
  await core.stop();
  removeSqlite(dbUrl);
}

function report(connections: number, app: LoadResult, baseline: LoadResult): void {
  out(`\n== ${connections} connections, ${SECONDS} s mixed traffic (core + chart on 127.0.0.1)`);
  out(table(
    ["route", "requests", "errors", "429", "p50 ms", "p99 ms", "max ms"],
    Object.entries(app.routes).sort().map(([route, s]) => [
      route,
      s.count,
      s.errors,
      LIMITED.has(route) ? s.statuses[429] ?? 0 : "",
      s.p50.toFixed(1),
      s.p99.toFixed(1),
      s.max.toFixed(0),
    ]),
  ));
  out(
    `total: ${app.requests} requests, ${Math.round(app.rps)} req/s, p50 ${
      app.p50.toFixed(1)
    } ms, ` +
      `p99 ${app.p99.toFixed(1)} ms, errors ${app.errors}${
        app.samples.length ? ` (${app.samples.join("; ")})` : ""
      }`,
  );
  out(
    `bare Deno.serve, same paths and bytes: ${Math.round(baseline.rps)} req/s, p99 ` +
      `${baseline.p99.toFixed(1)} ms → the services reach ${
        ((app.rps / baseline.rps) * 100).toFixed(1)
      }% of it`,
  );
}

out(failed ? "\nLOAD SUITE FAILED: errors above" : "\nload suite: zero errors");
Deno.exit(failed ? 1 : 0);
