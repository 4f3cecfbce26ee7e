/**
 * The deployment checks of `deno task check:deploy` and `deno task production-test` (the seed's
 * check_deployment.py and production-test.py): service health, data consistency (13 symbols),
 * service integration (a real chart render), load, 422/404 handling, plus auth, analysis and
 * metrics checks when the deployment has those routes. Each check returns pass/fail and a detail.
 *
 * @module
 */
import { runLoad } from "../tests/load/load_gen.ts";

/** Where the services are. */
export interface Targets {
  /** Core base URL. */
  core: string;
  /** Chart base URL. */
  chart: string;
  /** Web base URL (optional). */
  web?: string | undefined;
}

/** Outcome of one check. */
export interface CheckResult {
  /** Check group, e.g. `health`. */
  group: string;
  /** What was checked. */
  name: string;
  /** Passed? */
  ok: boolean;
  /** Evidence or the reason of the failure. */
  detail: string;
  /** Duration (ms). */
  ms: number;
}

/** Options of {@link runChecks}. */
export interface CheckOptions {
  /** Requests of the load check (default 300). */
  loadRequests?: number;
  /** Concurrency of the load check (default 20). */
  concurrency?: number;
  /** Per-request timeout (ms, default 15000). */
  timeoutMs?: number;
}

type Json = Record<string, unknown> & { [k: string]: unknown };

class CheckFailed extends Error {}
function expect(cond: unknown, message: string): asserts cond {
  if (!cond) throw new CheckFailed(message);
}

/** Runs every check against `targets` and returns the results in order. */
export async function runChecks(t: Targets, o: CheckOptions = {}): Promise<CheckResult[]> {
  const timeoutMs = o.timeoutMs ?? 15_000;
  const results: CheckResult[] = [];
  const get = async (url: string, init: RequestInit = {}) => {
    const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    const type = r.headers.get("content-type") ?? "";
    const bytes = new Uint8Array(await r.arrayBuffer());
    const text = type.includes("json") || type.includes("svg") || type.startsWith("text")
      ? new TextDecoder().decode(bytes)
      : "";
    let json: Json | null = null;
    if (type.includes("json")) json = JSON.parse(text) as Json;
    return { status: r.status, type, bytes, text, json, headers: r.headers };
  };
  const check = async (group: string, name: string, fn: () => Promise<string>) => {
    const t0 = performance.now();
    try {
      results.push({ group, name, ok: true, detail: await fn(), ms: performance.now() - t0 });
    } catch (e) {
      const detail = e instanceof CheckFailed
        ? e.message
        : `${(e as Error).name}: ${(e as Error).message}`;
      results.push({ group, name, ok: false, detail, ms: performance.now() - t0 });
    }
  };
  let openapiPaths: string[] = [];

  // 1. service health
  await check("health", "core /health is healthy (database and data checks)", async () => {
    const r = await get(`${t.core}/health`);
    expect(r.status === 200 && r.json?.status === "healthy", `${r.status} ${r.text.slice(0, 200)}`);
    return `healthy: ${JSON.stringify(r.json?.checks).slice(0, 120)}`;
  });
  await check("health", "core /health/live answers", async () => {
    const r = await get(`${t.core}/health/live`);
    expect(r.status === 200, `status ${r.status}`);
    return "alive";
  });
  await check("health", "chart / and /health", async () => {
    const i = await get(`${t.chart}/`);
    expect(i.json?.service === "Chart Generation Service", `chart / said ${i.text.slice(0, 120)}`);
    const h = await get(`${t.chart}/health`);
    expect(
      h.status === 200 && h.json?.status === "healthy",
      `chart /health ${h.status} ${h.text.slice(0, 200)}`,
    );
    return "Chart Generation Service, healthy";
  });
  if (t.web) {
    await check("health", "web /health and dashboard page", async () => {
      const h = await get(`${t.web}/health`);
      expect(h.status === 200, `web /health ${h.status}`);
      const p = await get(`${t.web}/`);
      expect(p.status === 200 && /<html/i.test(p.text), `web / ${p.status}`);
      return "healthy, page rendered";
    });
  }

  // 2. data consistency
  let symbols: { symbol: string; bars: number; last: string | null }[] = [];
  await check("data", "13 symbols in the default universe, each with bars", async () => {
    const r = await get(`${t.core}/symbols`);
    expect(r.status === 200, `status ${r.status}`);
    symbols = r.json?.symbols as typeof symbols;
    expect(r.json?.total === 13 && symbols.length === 13, `total ${r.json?.total}`);
    const empty = symbols.filter((s) => !(s.bars > 0)).map((s) => s.symbol);
    expect(!empty.length, `no bars for ${empty.join(", ")}`);
    return `13 symbols, ${symbols.reduce((a, s) => a + s.bars, 0)} bars`;
  });
  await check("data", "candles and quote agree with the symbol list", async () => {
    const s = symbols.find((x) => x.symbol === "AAPL") ?? symbols[0];
    expect(s, "no symbol to check");
    const c = await get(`${t.core}/api/symbols/${s.symbol}/candles?limit=250`);
    expect(c.status === 200, `candles ${c.status}`);
    const candles = c.json?.candles as {
      date: string;
      open: number;
      high: number;
      low: number;
      close: number;
    }[];
    expect(candles.length === Math.min(250, s.bars), `${candles.length} candles`);
    expect(candles.at(-1)?.date === s.last, `last candle ${candles.at(-1)?.date} vs ${s.last}`);
    const bad = candles.filter((b) =>
      !(b.high >= Math.max(b.open, b.close) && b.low <= Math.min(b.open, b.close))
    );
    expect(!bad.length, `${bad.length} bars violate high/low bounds`);
    const dates = candles.map((b) => b.date);
    expect(dates.every((d, i) => i === 0 || d > dates[i - 1]!), "dates not strictly ascending");
    const q = await get(`${t.core}/api/symbols/${s.symbol}/quote`);
    expect(
      q.json?.close === candles.at(-1)?.close,
      `quote close ${q.json?.close} vs ${candles.at(-1)?.close}`,
    );
    return `${s.symbol}: 250 bars to ${s.last}, quote = last close`;
  });

  // 3. service integration
  await check("integration", "chart renders a real SVG chart from core's data", async () => {
    const r = await get(`${t.chart}/charts/AAPL.svg`);
    expect(
      r.status === 200 && r.type.includes("svg"),
      `${r.status} ${r.type} ${r.text.slice(0, 200)}`,
    );
    expect(/<svg[\s>]/.test(r.text) && /<path|<rect|<line/.test(r.text), "SVG has no marks");
    return `${r.bytes.length} bytes of SVG`;
  });
  await check("integration", "chart renders a PNG", async () => {
    const r = await get(`${t.chart}/charts/AAPL.png`);
    expect(r.status === 200 && r.type === "image/png", `${r.status} ${r.type}`);
    expect(r.bytes[0] === 0x89 && r.bytes[1] === 0x50 && r.bytes.length > 2000, "not a PNG");
    return `${r.bytes.length} bytes of PNG`;
  });
  await check("integration", "one request id crosses chart → core and comes back", async () => {
    const id = `deploy-check-${crypto.randomUUID().slice(0, 8)}`;
    const r = await get(`${t.chart}/charts/MSFT.svg`, { headers: { "x-request-id": id } });
    expect(r.headers.get("x-request-id") === id, `chart answered ${r.headers.get("x-request-id")}`);
    return id;
  });

  // 4. load
  await check(
    "load",
    `${o.loadRequests ?? 300} mixed requests at ${o.concurrency ?? 20} concurrent, no error`,
    async () => {
      const paths = [
        "/symbols",
        "/api/symbols/AAPL/candles?limit=250",
        "/api/symbols/MSFT/quote",
        "/health/live",
      ];
      const total = o.loadRequests ?? 300;
      const conc = o.concurrency ?? 20;
      let sent = 0;
      const r = await runLoad(
        (w, i) => ({
          route: paths[(w + i) % paths.length]!,
          url: t.core + paths[(w + i) % paths.length]!,
        }),
        {
          connections: conc,
          durationMs: 60_000,
          warmupMs: 0,
          timeoutMs,
          stopAfter: () => ++sent > total,
        },
      );
      expect(r.errors === 0, `${r.errors} errors: ${r.samples.join("; ")}`);
      return `${r.requests} requests, ${Math.round(r.rps)} req/s, p50 ${r.p50.toFixed(1)} ms, p99 ${
        r.p99.toFixed(1)
      } ms`;
    },
  );

  // 5. error handling
  await check("errors", "422 names the invalid field", async () => {
    const r = await get(`${t.core}/api/symbols/AAPL/candles?from=2018-02-30`);
    const details = (r.json?.error as Json | undefined)?.details as { field: string }[] | undefined;
    expect(
      r.status === 422 && details?.[0]?.field === "from",
      `${r.status} ${r.text.slice(0, 200)}`,
    );
    return "422, field from";
  });
  await check("errors", "404 for an unknown symbol and an unknown path, JSON bodies", async () => {
    const a = await get(`${t.core}/api/symbols/ZZZZ/candles`);
    const b = await get(`${t.core}/no/such/path`);
    const c = await get(`${t.chart}/no/such/path`);
    for (const [n, r] of [["symbol", a], ["core path", b], ["chart path", c]] as const) {
      expect(
        r.status === 404 && (r.json?.error as Json | undefined)?.code === "not_found",
        `${n}: ${r.status} ${r.text.slice(0, 100)}`,
      );
    }
    return "404 not_found ×3";
  });

  // 6. auth, analysis and metrics, when present
  await check("api", "OpenAPI document lists the routes", async () => {
    const r = await get(`${t.core}/openapi.json`);
    openapiPaths = Object.keys((r.json?.paths as Json | undefined) ?? {});
    expect(openapiPaths.length > 0, "no paths");
    return `${openapiPaths.length} paths`;
  });
  if (openapiPaths.includes("/api/me")) {
    await check("auth", "anonymous /api/me is refused with 401 JSON", async () => {
      const r = await get(`${t.core}/api/me`);
      expect(
        r.status === 401 && (r.json?.error as Json | undefined)?.code === "unauthorized",
        `${r.status} ${r.text.slice(0, 120)}`,
      );
      return "401 unauthorized";
    });
  }
  const analyze = openapiPaths.find((p) => p.startsWith("/api/ai/analyze/"));
  if (analyze) {
    await check("analysis", "AI analysis of AAPL cites computed facts", async () => {
      const r = await get(`${t.core}/api/ai/analyze/AAPL`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(
        r.status === 200 || r.status === 401 || r.status === 429,
        `${r.status} ${r.text.slice(0, 200)}`,
      );
      if (r.status !== 200) {
        return `${r.status}: the route requires sign-in or quota (answered JSON)`;
      }
      const text = JSON.stringify(r.json);
      expect(/stance|analysis/.test(text), `no analysis in ${text.slice(0, 200)}`);
      return `200, ${text.length} bytes`;
    });
  }
  await check("metrics", "Prometheus /metrics on core and chart", async () => {
    for (const base of [t.core, t.chart]) {
      const r = await get(`${base}/metrics`);
      expect(
        r.status === 200 && r.text.includes("# TYPE http_requests_total counter"),
        `${base}/metrics ${r.status}`,
      );
    }
    return "http_requests_total exposed";
  });
  return results;
}

/** Renders results as a table followed by a summary line. */
export function formatResults(results: readonly CheckResult[]): string {
  const rows = results.map((
    r,
  ) => [r.ok ? "PASS" : "FAIL", r.group, r.name, `${Math.round(r.ms)} ms`, r.detail]);
  const header = ["result", "group", "check", "time", "detail"];
  const w = header.map((h, i) =>
    Math.min(70, Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  );
  const line = (r: string[]) =>
    r.map((c, i) => (c.length > w[i]! ? c.slice(0, w[i]! - 1) + "…" : c.padEnd(w[i]!))).join("  ");
  const failed = results.filter((r) => !r.ok).length;
  return [
    line(header),
    w.map((n) => "-".repeat(n)).join("  "),
    ...rows.map(line),
    "",
    `${results.length - failed} passed, ${failed} failed`,
  ].join("\n");
}

/** Parses `--core URL --chart URL [--web URL]`; throws a usage error when one is missing. */
export function parseTargets(args: string[]): Targets {
  const get = (name: string) => {
    const i = args.indexOf(`--${name}`);
    const inline = args.find((a) => a.startsWith(`--${name}=`));
    const v = inline ? inline.slice(name.length + 3) : i >= 0 ? args[i + 1] : undefined;
    return v?.replace(/\/+$/, "");
  };
  const core = get("core");
  const chart = get("chart");
  if (!core || !chart || !/^https?:\/\//.test(core) || !/^https?:\/\//.test(chart)) {
    throw new RangeError(
      "usage: --core http(s)://HOST[:PORT] --chart http(s)://HOST[:PORT] [--web URL]",
    );
  }
  return { core, chart, web: get("web") };
}
