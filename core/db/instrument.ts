import type { MetricsRegistry } from "@trading/shared/http";
import type { Db, RunResult, SqlValue } from "./db.ts";

/**
 * Wraps `db` so that every statement is counted and timed in `metrics`:
 * `db_queries_total{backend,op,outcome}`, `db_query_duration_seconds{backend,op}` and
 * `db_in_flight{backend}` (statements waiting for or holding a connection: the pool's load).
 */
export function instrumentDb(db: Db, metrics: MetricsRegistry): Db {
  const backend = db.dialect;
  const total = metrics.counter(
    "db_queries_total",
    "Database statements by operation and outcome",
    [
      "backend",
      "op",
      "outcome",
    ],
  );
  const duration = metrics.histogram(
    "db_query_duration_seconds",
    "Database statement latency (including the wait for a pooled connection)",
    ["backend", "op"],
  );
  const inFlight = metrics.gauge("db_in_flight", "Database statements in progress", ["backend"]);
  inFlight.set({ backend }, 0);
  const timed = async <T>(op: string, fn: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    inFlight.inc({ backend }, 1);
    let outcome = "error";
    try {
      const r = await fn();
      outcome = "ok";
      return r;
    } finally {
      inFlight.inc({ backend }, -1);
      total.inc({ backend, op, outcome });
      duration.observe({ backend, op }, (performance.now() - started) / 1000);
    }
  };
  return {
    dialect: db.dialect,
    query: <T>(sql: string, params?: readonly SqlValue[]) =>
      timed("query", () => db.query<T>(sql, params)),
    run: (sql: string, params?: readonly SqlValue[]): Promise<RunResult> =>
      timed("run", () => db.run(sql, params)),
    exec: (sql: string) => timed("exec", () => db.exec(sql)),
    transaction: <T>(fn: (tx: Db) => Promise<T>) => timed("transaction", () => db.transaction(fn)),
    close: () => db.close(),
  };
}
