import assert from "node:assert/strict";
import { createLogger } from "@trading/shared/log";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { QuotaExceededError } from "@trading/shared/errors";
import { OptimisationRequestSchema } from "@trading/shared/schemas";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { smaCross } from "../strategies/sma_cross.ts";
import { type LiveProgress, OptimisationJobs, RETRY_AFTER_S, STALE_JOB_MS } from "./jobs.ts";
import { planOptimisation } from "./plan.ts";

Deno.test("OptimisationJobs.get() - a running job silent for longer than STALE_JOB_MS is reported failed", async () => {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  const old = new Date(Date.now() - STALE_JOB_MS - 1000).toISOString();
  const fresh = new Date().toISOString();
  for (const [id, at] of [["dead", old], ["alive", fresh]]) {
    await db.run(
      "INSERT INTO optimisations (id, user_id, kind, request, status, done, total, created_at, updated_at) VALUES (?, NULL, 'grid', '{}', 'running', 3, 10, ?, ?)",
      [id!, at!, at!],
    );
  }
  const jobs = new OptimisationJobs(db, createLogger({ service: "test", write: () => {} }), {
    poolSize: 1,
  });
  const dead = await jobs.get("dead");
  assert.equal(dead?.status, "failed");
  assert.match(dead?.error ?? "", /interrupted/);
  assert.equal((await jobs.get("dead"))?.status, "failed", "stored");
  assert.equal((await jobs.get("alive"))?.status, "running");
  await jobs.close();
  await db.close();
});

const text = await Deno.readTextFile(new URL("../data/market/extra/SPX.csv", import.meta.url));
const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
const smallPlan = () =>
  planOptimisation(
    OptimisationRequestSchema.parse({
      symbol: "SPX",
      strategy: "sma_cross",
      grid: { fast: [5, 10], slow: [50, 100] },
    }),
    smaCross,
    spx,
  );

Deno.test("OptimisationJobs.submit() - one running job per user or anonymous IP and maxRunning in all, across instances", async () => {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  const logger = createLogger({ service: "test", write: () => {} });
  // two instances sharing one database
  const a = new OptimisationJobs(db, logger, { poolSize: 1 });
  const b = new OptimisationJobs(db, logger, { poolSize: 1 });
  const refused = async (p: Promise<unknown>, re: RegExp) => {
    const e = await p.then(() => null, (e) => e);
    assert.ok(e instanceof QuotaExceededError, `expected a 429, got ${e}`);
    assert.equal(e.retryAfter, RETRY_AFTER_S);
    assert.match(e.message, re);
  };
  try {
    const u1 = { userId: "u1", ip: "10.0.0.1" };
    await a.submit(smallPlan(), {}, u1);
    await refused(b.submit(smallPlan(), {}, u1), /already running for you \(at most 1/);
    await b.submit(smallPlan(), {}, { userId: "u2", ip: "10.0.0.1" }); // same IP, signed in
    await a.submit(smallPlan(), {}, { userId: null, ip: "10.0.0.1" });
    await refused(b.submit(smallPlan(), {}, { userId: null, ip: "10.0.0.1" }), /for you/);
    await b.submit(smallPlan(), {}, { userId: null, ip: "10.0.0.2" });
    await refused(
      a.submit(smallPlan(), {}, { userId: "u3", ip: "10.0.0.3" }),
      /4 optimisations are running on the server \(at most 4\)/,
    );
    await Promise.all([a.idle(), b.idle()]);
    // finished jobs do not count
    await a.submit(smallPlan(), {}, u1);
    await a.idle();
    // nor does a job left "running" by an instance that stopped (no progress for STALE_JOB_MS)
    const old = new Date(Date.now() - STALE_JOB_MS - 1000).toISOString();
    await db.run(
      "INSERT INTO optimisations (id, user_id, kind, request, status, done, total, created_at, updated_at) VALUES ('x', 'u4', 'grid', '{}', 'running', 0, 4, ?, ?)",
      [old, old],
    );
    await a.submit(smallPlan(), {}, { userId: "u4", ip: "10.0.0.4" });
  } finally {
    await a.close();
    await b.close();
    await db.close();
  }
});

Deno.test("OptimisationJobs.watch() - pushes progress of a job of this instance, then its final status", async () => {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  const jobs = new OptimisationJobs(db, createLogger({ service: "test", write: () => {} }), {
    poolSize: 1,
  });
  try {
    const id = await jobs.submit(smallPlan(), {}, { userId: "u1", ip: "x" });
    const seen: LiveProgress[] = [];
    const stop = jobs.watch(id, (p) => seen.push(p));
    assert.ok(stop);
    await jobs.idle();
    assert.deepEqual(seen.at(-1), { done: 4, total: 4, status: "done" });
    assert.ok(seen.slice(0, -1).every((p) => p.status === "running" && p.done <= 4));
    assert.equal(jobs.watch(id, () => {}), null, "a finished job is no longer live");
    assert.equal(jobs.watch(crypto.randomUUID(), () => {}), null);
  } finally {
    await jobs.close();
    await db.close();
  }
});
