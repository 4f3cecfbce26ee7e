import assert from "node:assert/strict";
import { MetricsRegistry } from "@trading/shared/http";
import { instrumentDb } from "./instrument.ts";
import { openSqlite } from "./sqlite.ts";

Deno.test("instrumentDb() - counts and times statements by operation and outcome", async () => {
  const metrics = new MetricsRegistry();
  const db = instrumentDb(await openSqlite(":memory:"), metrics);
  await db.exec("CREATE TABLE t (v INTEGER)");
  await db.run("INSERT INTO t (v) VALUES (?)", [1]);
  assert.deepEqual((await db.query("SELECT v FROM t")).map((r) => ({ ...r })), [{ v: 1 }]);
  await assert.rejects(db.query("SELECT nope FROM t"));
  await db.transaction((tx) => tx.run("INSERT INTO t (v) VALUES (2)"));
  const total = metrics.counter("db_queries_total", "", ["backend", "op", "outcome"]);
  assert.equal(total.get({ backend: "sqlite", op: "query", outcome: "ok" }), 1);
  assert.equal(total.get({ backend: "sqlite", op: "query", outcome: "error" }), 1);
  assert.equal(total.get({ backend: "sqlite", op: "transaction", outcome: "ok" }), 1);
  assert.match(metrics.render(), /db_in_flight\{backend="sqlite"\} 0/);
  await db.close();
});
