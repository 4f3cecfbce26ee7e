import assert from "node:assert/strict";
import { createLogger } from "@trading/shared/log";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { SqliteJobQueue } from "./sqlite_queue.ts";

Deno.test("SqliteJobQueue - a job running longer than its lease keeps it: it runs once, then is deleted", async () => {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  const queue = new SqliteJobQueue(db, createLogger({ service: "test", write: () => {} }), {
    leaseMs: 250,
    pollMs: 10,
  });
  let runs = 0;
  await queue.start({
    slow: async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 1200)); // almost five leases
    },
  });
  await queue.add(db, "slow", {});
  const end = Date.now() + 5_000;
  while ((await db.query("SELECT id FROM jobs")).length && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 20));
  }
  assert.equal(runs, 1);
  assert.deepEqual(await db.query("SELECT id FROM jobs"), []);
  await queue.stop();
  await db.close();
});
