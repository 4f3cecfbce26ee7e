import assert from "node:assert/strict";
import { sharedPostgres } from "../../tests/helpers/postgres.ts";
import type { Db } from "../db/db.ts";
import { migrateDown, migrateUp } from "../db/migrations.ts";
import { openPostgres } from "../db/postgres.ts";
import { openSqlite } from "../db/sqlite.ts";
import { Watchlists } from "./store.ts";

const NOW = "2026-01-02T00:00:00Z";

async function exercise(db: Db): Promise<void> {
  const lists = new Watchlists(db);
  assert.deepEqual(await lists.get("u1"), []);
  assert.deepEqual(await lists.replace("u1", ["SPY", "AAPL", "SPY", "2330.TW"], NOW), [
    "SPY",
    "AAPL",
    "2330.TW",
  ]);
  await lists.replace("u2", ["MSFT"], NOW);
  assert.deepEqual(await lists.get("u1"), ["SPY", "AAPL", "2330.TW"], "in the user's order");
  assert.deepEqual(await lists.replace("u1", ["AAPL"], NOW), ["AAPL"]);
  assert.deepEqual(await lists.get("u1"), ["AAPL"], "replaced whole");
  assert.deepEqual(await lists.get("u2"), ["MSFT"], "another user's list is untouched");
  await lists.replace("u1", [], NOW);
  assert.deepEqual(await lists.get("u1"), []);
}

Deno.test("Watchlists - replace and read a user's ordered list (SQLite)", async () => {
  const db = await openSqlite(":memory:");
  try {
    await migrateUp(db);
    await exercise(db);
  } finally {
    await db.close();
  }
});

Deno.test({
  name:
    "Watchlists - replace and read a user's ordered list; migration 0020 goes down (PostgreSQL)",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const pg = await sharedPostgres();
    const db = await openPostgres(await pg.createDatabase());
    try {
      await migrateUp(db);
      await exercise(db);
      await migrateDown(db); // one step: 0020
      await assert.rejects(() => db.query("SELECT * FROM watchlist_symbols"));
    } finally {
      await db.close();
    }
  },
});
