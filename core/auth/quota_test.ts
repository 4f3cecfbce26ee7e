import assert from "node:assert/strict";
import { QuotaExceededError } from "@trading/shared/errors";
import { backendTest, freshDatabaseUrl } from "../../tests/helpers/backends.ts";
import type { Db } from "../db/db.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { makeUser, memoryDb } from "./test_db.ts";
import { consumeAnalysis, quotaStatus } from "./quota.ts";

const DAY1 = Date.UTC(2024, 2, 10, 9, 0);
const DAY2 = Date.UTC(2024, 2, 11, 0, 0, 1);

Deno.test("consumeAnalysis() - 3 free, then 1 per UTC day, with Retry-After to midnight", async () => {
  const db = await memoryDb();
  const u = await makeUser(db, "a@example.com");
  assert.equal((await quotaStatus(db, u.id, { now: DAY1 })).remaining, 4);
  const got = [];
  for (let i = 0; i < 4; i++) got.push(await consumeAnalysis(db, u.id, { now: DAY1 }));
  assert.deepEqual(got.map((g) => g.source), ["free", "free", "free", "daily"]);
  assert.deepEqual(got.map((g) => g.remaining), [3, 2, 1, 0]);
  await assert.rejects(consumeAnalysis(db, u.id, { now: DAY1 }), (e: unknown) => {
    assert.ok(e instanceof QuotaExceededError);
    assert.equal(e.retryAfter, 15 * 3600, "09:00 UTC → 15 h to midnight");
    return true;
  });
  const next = await consumeAnalysis(db, u.id, { now: DAY2 });
  assert.deepEqual(next, { source: "daily", remaining: 0 });
  const events = await db.query<{ source: string }>("SELECT source FROM usage_events ORDER BY id");
  assert.deepEqual(events.map((e) => e.source), ["free", "free", "free", "daily", "daily"]);
  await db.close();
});

Deno.test("consumeAnalysis() - credits are spent first; premium is unlimited", async () => {
  const db = await memoryDb();
  const u = await makeUser(db, "a@example.com");
  await db.run("UPDATE users SET credits = 2 WHERE id = ?", [u.id]);
  const a = await consumeAnalysis(db, u.id, { now: DAY1 });
  assert.deepEqual(a, { source: "credit", remaining: 5 });
  assert.equal((await consumeAnalysis(db, u.id, { now: DAY1 })).source, "credit");
  assert.equal((await consumeAnalysis(db, u.id, { now: DAY1 })).source, "free");
  await db.run("UPDATE users SET plan = 'premium' WHERE id = ?", [u.id]);
  for (let i = 0; i < 10; i++) {
    assert.deepEqual(await consumeAnalysis(db, u.id, { now: DAY1 }), {
      source: "premium",
      remaining: null,
    });
  }
  const s = await quotaStatus(db, u.id, { now: DAY1 });
  assert.equal(s.unlimited, true);
  assert.equal(s.free_remaining, 2, "premium use does not touch the free analyses");
  await db.close();
});

async function race(dbs: Db[], userId: string, n: number) {
  const results = await Promise.allSettled(
    Array.from(
      { length: n },
      (_, i) => consumeAnalysis(dbs[i % dbs.length]!, userId, { now: DAY1 }),
    ),
  );
  const ok = results.filter((r) => r.status === "fulfilled");
  const refused = results.filter((r) =>
    r.status === "rejected" && r.reason instanceof QuotaExceededError
  );
  return { ok: ok.length, refused: refused.length, other: n - ok.length - refused.length };
}

backendTest(
  "consumeAnalysis() - 50 concurrent requests never overspend",
  async (backend) => {
    // On PostgreSQL two connection pools to one database stand for two instances of core.
    // SQLite is tested on its one connection: node:sqlite is synchronous, so a second
    // in-process connection would block the event loop on the file lock.
    const url = await freshDatabaseUrl(backend);
    const a = await openDatabase(url);
    await migrateUp(a);
    const b = backend === "postgres" ? await openDatabase(url) : a;
    try {
      const u = await makeUser(a, "racer@example.com");
      await a.run("UPDATE users SET credits = 10 WHERE id = ?", [u.id]);
      const r = await race([a, b], u.id, 50);
      assert.deepEqual(r, { ok: 14, refused: 36, other: 0 }, "10 credits + 3 free + 1 daily");
      const s = await quotaStatus(a, u.id, { now: DAY1 });
      assert.deepEqual([s.credits, s.free_remaining, s.daily_remaining], [0, 0, 0]);
      const [{ n }] = await a.query<{ n: number }>("SELECT COUNT(*) AS n FROM usage_events") as [
        { n: number },
      ];
      assert.equal(Number(n), 14, "one usage event per analysis granted");
    } finally {
      await a.close();
      if (b !== a) await b.close();
    }
  },
);
