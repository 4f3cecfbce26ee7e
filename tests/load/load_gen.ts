/**
 * A small closed-loop HTTP load generator: `connections` workers each send one request at a
 * time (keep-alive) for `durationMs`, picking the next request from `next()`. Latencies are
 * kept per route label; errors are non-expected statuses or network failures.
 *
 * @module
 */

/** One request to send. */
export interface LoadRequest {
  /** Label for per-route statistics (e.g. `GET /api/symbols/:symbol/candles`). */
  route: string;
  /** Absolute URL. */
  url: string;
  /** Method (default GET). */
  method?: string;
  /** JSON body. */
  body?: unknown;
  /** Statuses counted as success (default: 2xx). */
  ok?: (status: number) => boolean;
}

/** Latency summary of one route (milliseconds). */
export interface RouteStats {
  /** Requests completed. */
  count: number;
  /** Failed requests (unexpected status or network error). */
  errors: number;
  /** Median latency. */
  p50: number;
  /** 99th percentile latency. */
  p99: number;
  /** Largest latency. */
  max: number;
  /** Responses by HTTP status. */
  statuses: Record<number, number>;
}

/** Result of {@link runLoad}. */
export interface LoadResult {
  /** Requests completed in the measured window. */
  requests: number;
  /** Failures. */
  errors: number;
  /** Requests per second over the window. */
  rps: number;
  /** Overall latency percentiles (ms). */
  p50: number;
  /** Overall 99th percentile (ms). */
  p99: number;
  /** Per route label. */
  routes: Record<string, RouteStats>;
  /** First few error descriptions. */
  samples: string[];
}

/** The `q` quantile (0..1) of sorted numbers. */
export function quantile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

/** Runs the load; a `warmupMs` period first is not measured. */
export async function runLoad(
  next: (worker: number, i: number) => LoadRequest,
  { connections = 64, durationMs = 5000, warmupMs = 500, timeoutMs = 10_000, stopAfter }: {
    connections?: number;
    durationMs?: number;
    warmupMs?: number;
    timeoutMs?: number;
    /** Called before each request; returning true stops that worker (a fixed request count). */
    stopAfter?: () => boolean;
  } = {},
): Promise<LoadResult> {
  const lat = new Map<string, number[]>();
  const errs = new Map<string, number>();
  const codes = new Map<string, Record<number, number>>();
  const samples: string[] = [];
  let measuring = false;
  const start = performance.now();
  const measureFrom = start + warmupMs;
  const end = measureFrom + durationMs;
  const worker = async (w: number) => {
    for (let i = 0; performance.now() < end; i++) {
      if (stopAfter?.()) break;
      const r = next(w, i);
      const t0 = performance.now();
      let failed: string | null = null;
      try {
        const res = await fetch(r.url, {
          method: r.method ?? "GET",
          ...(r.body === undefined
            ? {}
            : { body: JSON.stringify(r.body), headers: { "content-type": "application/json" } }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        await res.arrayBuffer();
        if (performance.now() >= measureFrom) {
          const c = codes.get(r.route) ?? {};
          c[res.status] = (c[res.status] ?? 0) + 1;
          codes.set(r.route, c);
        }
        if (!(r.ok ?? ((s: number) => s >= 200 && s < 300))(res.status)) {
          failed = `${r.route}: status ${res.status}`;
        }
      } catch (e) {
        failed = `${r.route}: ${(e as Error).message}`;
      }
      const t1 = performance.now();
      if (!measuring) measuring = t0 >= measureFrom;
      if (t0 < measureFrom || t1 > end) continue;
      if (failed) {
        errs.set(r.route, (errs.get(r.route) ?? 0) + 1);
        if (samples.length < 5) samples.push(failed);
      }
      let l = lat.get(r.route);
      if (!l) lat.set(r.route, l = []);
      l.push(t1 - t0);
    }
  };
  await Promise.all(Array.from({ length: connections }, (_, w) => worker(w)));
  const routes: Record<string, RouteStats> = {};
  const all: number[] = [];
  const elapsed = Math.min(durationMs, performance.now() - measureFrom);
  for (const [route, l] of lat) {
    l.sort((a, b) => a - b);
    all.push(...l);
    routes[route] = {
      count: l.length,
      errors: errs.get(route) ?? 0,
      p50: quantile(l, 0.5),
      p99: quantile(l, 0.99),
      max: l.at(-1) ?? NaN,
      statuses: codes.get(route) ?? {},
    };
  }
  all.sort((a, b) => a - b);
  const errors = [...errs.values()].reduce((a, b) => a + b, 0);
  return {
    requests: all.length,
    errors,
    rps: all.length / (Math.max(elapsed, 1) / 1000),
    p50: quantile(all, 0.5),
    p99: quantile(all, 0.99),
    routes,
    samples,
  };
}

/** Formats rows as a fixed-width text table. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const w = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(w[i]!)).join("  ");
  return [line(cells[0]!), w.map((n) => "-".repeat(n)).join("  "), ...cells.slice(1).map(line)]
    .join("\n");
}
