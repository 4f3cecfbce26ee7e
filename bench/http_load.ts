/**
 * HTTP benchmark (issue 2): core's `GET /health` and `GET /api/symbols/AAPL/candles?limit=250`
 * at 64 concurrent keep-alive connections, against a bare Hono app answering the same bytes,
 * in the same run on 127.0.0.1. Reports req/s, p50 and p99 and the ratio to the bare app.
 * Target: candles ≥ 50% of the bare app's throughput.
 *
 * Run: `deno run -A bench/http_load.ts` (BENCH_SECONDS=5, BENCH_CONNECTIONS=64; core runs with
 * LOG_LEVEL=warn so the request log's pipe to this process does not steal the CPU it measures).
 *
 * @module
 */
import { runLoad, table } from "../tests/load/load_gen.ts";
import { hasWrk, runWrk } from "../tests/load/wrk.ts";
import { removeSqlite, startService, tempSqliteUrl } from "../tests/helpers/services.ts";
import { startBareBaseline } from "./bare_baseline.ts";

const seconds = Number(Deno.env.get("BENCH_SECONDS") ?? 5);
const connections = Number(Deno.env.get("BENCH_CONNECTIONS") ?? 64);
const out = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

const CANDLES = "/api/symbols/AAPL/candles?limit=250";
const dbUrl = tempSqliteUrl("bench");
const core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" }, {
  readyPath: "/health",
});
const bodies: Record<string, string> = {};
for (const p of ["/health", CANDLES]) {
  const r = await fetch(core.url + p);
  if (r.status !== 200) throw new Error(`core ${p} answered ${r.status}`);
  bodies[p.split("?")[0]!] = await r.text();
}
const bare = await startBareBaseline(bodies, "hono");
const bareUrl = bare.url;

const useWrk = hasWrk() && Deno.env.get("BENCH_CLIENT") !== "deno";

/** The measured scenarios, in order. */
export const results: {
  route: string;
  target: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}[] = [];
try {
  for (const path of ["/health", CANDLES]) {
    for (const [target, base] of [["core", core.url], ["bare hono", bareUrl]] as const) {
      const r = useWrk
        ? await runWrk(base + path, { connections, seconds })
        : await runLoad(() => ({ route: path, url: base + path }), {
          connections,
          durationMs: seconds * 1000,
          warmupMs: 1000,
        });
      results.push({ route: path, target, rps: r.rps, p50: r.p50, p99: r.p99, errors: r.errors });
    }
  }
} finally {
  await bare.stop();
  await core.stop();
  removeSqlite(dbUrl);
}

out(
  `HTTP benchmark: ${connections} connections, ${seconds} s per scenario, 127.0.0.1, same run, ` +
    `client: ${useWrk ? "wrk" : "Deno fetch (install wrk for a lighter client)"}`,
);
out(table(
  ["route", "target", "req/s", "p50 ms", "p99 ms", "errors", "vs bare"],
  results.map((r) => {
    const bareRps = results.find((x) => x.route === r.route && x.target === "bare hono")!.rps;
    return [
      r.route,
      r.target,
      Math.round(r.rps),
      r.p50.toFixed(2),
      r.p99.toFixed(2),
      r.errors,
      `${Math.round((r.rps / bareRps) * 100)}%`,
    ];
  }),
));
const candles = results.filter((r) => r.route === CANDLES);
const ratio = candles[0]!.rps / candles[1]!.rps;
out(`candles throughput = ${(ratio * 100).toFixed(0)}% of the bare app (target ≥ 50%)`);
