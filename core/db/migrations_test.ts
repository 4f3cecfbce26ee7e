import assert from "node:assert/strict";
import { appliedVersions, migrateDown, migrateUp, MIGRATIONS } from "./migrations.ts";
import { openSqlite } from "./sqlite.ts";

Deno.test("migrateUp()/migrateDown() - go forward and back and forward again", async () => {
  const db = await openSqlite(":memory:");
  const latest = MIGRATIONS.at(-1)!.version;
  assert.deepEqual(await migrateUp(db), MIGRATIONS.map((m) => m.version));
  assert.deepEqual(await migrateUp(db), [], "second run applies nothing");
  await db.run(
    "INSERT INTO symbols (symbol, name, market, currency, source, added_at) VALUES ('X','x','US','USD','t','now')",
  );
  assert.deepEqual(
    await migrateDown(db, { steps: MIGRATIONS.length }),
    MIGRATIONS.map((m) => m.version).reverse(),
  );
  assert.deepEqual(await appliedVersions(db), []);
  const tables = await db.query<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'symbols'",
  );
  assert.equal(tables.length, 0, "rollback dropped the table");
  await migrateUp(db);
  assert.equal((await appliedVersions(db)).at(-1), latest);
  await db.close();
});

Deno.test("Db.transaction() - a failure rolls back every statement", async () => {
  const db = await openSqlite(":memory:");
  await migrateUp(db);
  await assert.rejects(
    db.transaction(async (tx) => {
      await tx.run(
        "INSERT INTO symbols (symbol, name, market, currency, source, added_at) VALUES ('A','a','US','USD','t','now')",
      );
      throw new Error("boom");
    }),
    /boom/,
  );
  const rows = await db.query("SELECT * FROM symbols");
  assert.equal(rows.length, 0);
  await db.close();
});
