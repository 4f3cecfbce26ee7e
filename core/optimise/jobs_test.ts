import assert from "node:assert/strict";
import { createLogger } from "@trading/shared/log";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { OptimisationJobs, STALE_JOB_MS } from "./jobs.ts";

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
