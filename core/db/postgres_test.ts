import assert from "node:assert/strict";
import { UnavailableError } from "@trading/shared/errors";
import { sharedPostgres } from "../../tests/helpers/postgres.ts";
import { openPostgres, splitPoolOptions, toPgPlaceholders } from "./postgres.ts";

const pgTest = (name: string, fn: () => Promise<void>) =>
  Deno.test({ name, sanitizeResources: false, sanitizeOps: false, fn });

Deno.test("toPgPlaceholders() - numbers ? outside quotes only", () => {
  assert.equal(
    toPgPlaceholders(`SELECT ? , '?', "a?" FROM t WHERE x = ? AND y = '??'`),
    `SELECT $1 , '?', "a?" FROM t WHERE x = $2 AND y = '??'`,
  );
});

Deno.test("splitPoolOptions() - takes pool settings off the URL and rejects bad ones", () => {
  const r = splitPoolOptions(
    "postgres://u:p@h:5432/db?pool_max=20&sslmode=disable&connect_timeout=3",
  );
  assert.deepEqual(r.options, { max: 20, connectTimeout: 3 });
  assert.equal(r.url, "postgres://u:p@h:5432/db?sslmode=disable");
  assert.throws(() => splitPoolOptions("postgres://h/db?pool_max=lots"), /pool_max/);
});

pgTest(
  "openPostgres() - bigint and numeric come back as numbers, booleans bind as 1/0",
  async () => {
    const pg = await sharedPostgres();
    const db = await openPostgres(await pg.createDatabase());
    try {
      await db.exec("CREATE TABLE t (id BIGSERIAL PRIMARY KEY, flag INTEGER, v NUMERIC(12,4))");
      assert.deepEqual(
        await db.run("INSERT INTO t (flag, v) VALUES (?, ?), (?, ?)", [true, 1.25, false, 2]),
        {
          changes: 2,
        },
      );
      const rows = await db.query(
        "SELECT id, flag, v, COUNT(*) OVER () AS n, SUM(v) OVER () AS s FROM t ORDER BY id",
      );
      assert.deepEqual(rows, [
        { id: 1, flag: 1, v: 1.25, n: 2, s: 3.25 },
        { id: 2, flag: 0, v: 2, n: 2, s: 3.25 },
      ]);
    } finally {
      await db.close();
    }
  },
);

pgTest("openPostgres() - unreachable server is a clear error at open time", async () => {
  await assert.rejects(
    openPostgres("postgres://postgres@127.0.0.1:1/x?retry_for_ms=0&connect_timeout=2"),
    // the public message is generic (it may reach clients); the driver's cause is kept for the log
    (e: unknown) =>
      e instanceof UnavailableError && e.message === "Database unavailable" &&
      /ECONNREFUSED/.test(String((e as { cause?: unknown }).cause)),
  );
});

pgTest(
  "openPostgres() - reconnects after a server restart; 503 error while it is down",
  async () => {
    const pg = await sharedPostgres();
    const url = await pg.createDatabase();
    const db = await openPostgres(url, { retryForMs: 300, max: 4 });
    try {
      await db.exec("CREATE TABLE k (v INTEGER)");
      await db.run("INSERT INTO k (v) VALUES (?)", [1]);
      await pg.stopServer("fast");
      await assert.rejects(
        db.query("SELECT v FROM k"),
        (e: unknown) => e instanceof UnavailableError,
      );
      await pg.startServer();
      assert.deepEqual(await db.query("SELECT v FROM k"), [{ v: 1 }]);
      await pg.stopServer("immediate");
      await pg.startServer();
      await db.run("INSERT INTO k (v) VALUES (?)", [2]);
      assert.deepEqual(await db.query("SELECT v FROM k ORDER BY v"), [{ v: 1 }, { v: 2 }]);
    } finally {
      await db.close();
    }
  },
);

pgTest(
  "transaction() - pool queries made inside a transaction reuse its connection (no pool deadlock)",
  async () => {
    const pg = await sharedPostgres();
    const db = await openPostgres(await pg.createDatabase(), { max: 2 });
    try {
      await db.exec("CREATE TABLE acct (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
      await db.run("INSERT INTO acct (id, n) VALUES (1, 0)");
      // 8 transactions on a pool of 2, each locking the row and reading through the pool `db`
      await Promise.all(Array.from({ length: 8 }, () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>("SELECT n FROM acct WHERE id = 1 FOR UPDATE");
          const [seen] = await db.query<{ n: number }>("SELECT n FROM acct WHERE id = 1");
          assert.equal(seen!.n, row!.n, "the pool read sees the transaction's own state");
          await db.run("UPDATE acct SET n = ? WHERE id = 1", [row!.n + 1]);
        })));
      assert.deepEqual(await db.query("SELECT n FROM acct"), [{ n: 8 }]);
    } finally {
      await db.close();
    }
  },
);
