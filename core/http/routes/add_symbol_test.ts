// Apps from testCoreApp() (tests/helpers/core_app.ts, via _online_test_app.ts): re-run on PostgreSQL by
// tests/integration/postgres_suites_test.ts.
// POST /api/symbols and the admin symbol route: a user request never deletes or renames stored
// data; dot-only symbols and a `from` before the provider's history are 422.
import assert from "node:assert/strict";
import { json, register } from "../../auth/test_http.ts";
import { onlineApp, yahooDoc } from "./_online_test_app.ts";

// GOOGL is embedded: lean/GOOGL.csv, 1,761 bars from 2014-04-03 to 2021-03-31
const GOOGL_NAME = "Alphabet Inc. Class A";

async function googl(app: { request: (p: string) => Response | Promise<Response> }) {
  const res = await app.request("/api/symbols/GOOGL/candles?limit=10000&adjust=none");
  const body = await res.json();
  const info = (await (await app.request("/symbols")).json()).symbols.find((
    s: { symbol: string },
  ) => s.symbol === "GOOGL");
  return { count: body.count as number, first: body.candles[0].date as string, name: info.name };
}

Deno.test("POST /api/symbols - a user refresh of an embedded symbol appends, never deletes or renames", async () => {
  const t = await onlineApp(() => yahooDoc("GOOGL", [["2026-03-05", 300], ["2026-03-06", 301]]));
  try {
    const before = await googl(t.app);
    assert.equal(before.count, 1761);
    const renamed = await t.post({ symbol: "GOOGL", name: "DELISTED" });
    assert.equal(renamed.status, 403, await renamed.clone().text());
    const res = await t.post({ symbol: "GOOGL" });
    assert.equal(res.status, 201, await res.clone().text());
    const after = await googl(t.app);
    assert.equal(after.count, 1763, "the two new bars are appended to the 1,761 stored");
    assert.equal(after.first, "2014-04-03");
    assert.equal(after.name, GOOGL_NAME);
  } finally {
    await t.close();
  }
});

Deno.test("POST /api/symbols - an answer contradicting embedded history is quarantined (409)", async () => {
  // GOOGL closed at 2062.52 on 2021-03-31 (lean/GOOGL.csv); the provider claims 10.
  const t = await onlineApp(() => yahooDoc("GOOGL", [["2021-03-31", 10], ["2026-03-06", 301]]));
  try {
    const res = await t.post({ symbol: "GOOGL" });
    assert.equal(res.status, 409, await res.clone().text());
    assert.equal((await res.json()).status, "quarantined");
    assert.equal((await googl(t.app)).count, 1761, "stored bars untouched");
    const q = await (await t.app.request("/api/symbols/GOOGL/quality")).json();
    assert.equal(q.quarantined.length, 1);
  } finally {
    await t.close();
  }
});

Deno.test("PATCH /api/admin/symbols/:symbol - renaming and replacing history are admin operations", async () => {
  const t = await onlineApp(() => yahooDoc("GOOGL", [["2026-03-05", 300], ["2026-03-06", 301]]));
  try {
    const patch = (body: unknown, cookie: string) =>
      t.app.request("/api/admin/symbols/GOOGL", json("PATCH", body, { cookie }));
    assert.equal((await patch({ name: "DELISTED" }, t.bob)).status, 403);
    assert.equal((await patch({ replace_history: true }, t.bob)).status, 403);
    assert.equal((await googl(t.app)).name, GOOGL_NAME);
    const admin = await register(t.app, "admin@example.com");
    await t.deps.db.run("UPDATE users SET role = 'admin' WHERE email = 'admin@example.com'");
    assert.equal((await patch({}, admin)).status, 422);
    assert.equal((await patch({ name: "x".repeat(101) }, admin)).status, 422);
    const renamed = await patch({ name: "Alphabet Inc. Class A Common Stock" }, admin);
    assert.equal(renamed.status, 200, await renamed.clone().text());
    assert.equal((await googl(t.app)).name, "Alphabet Inc. Class A Common Stock");
    const replaced = await patch({ replace_history: true, from: "2026-01-01" }, admin);
    assert.equal(replaced.status, 200, await replaced.clone().text());
    assert.equal((await googl(t.app)).count, 2, "an admin may replace the history");
    assert.equal(
      (await t.app.request(
        "/api/admin/symbols/NOPE",
        json("PATCH", { name: "x" }, { cookie: admin }),
      )).status,
      404,
    );
  } finally {
    await t.close();
  }
});

Deno.test("POST /api/symbols - 422 naming the field for dot-only symbols and a from outside the provider's history", async () => {
  const t = await onlineApp(() => new Response("must not be called", { status: 500 }));
  try {
    for (const symbol of [".", "..", "...", "A..", "A.B.C"]) {
      const res = await t.post({ symbol });
      assert.equal(res.status, 422, symbol);
      assert.equal((await res.json()).error.details[0].field, "symbol");
    }
    for (
      const [symbol, from] of [["2330.TW", "0001-01-01"], ["2330.TW", "2009-12-31"], [
        "AAPL",
        "1900-01-01",
      ], ["AAPL", "2030-01-01"]]
    ) {
      const res = await t.post({ symbol, from });
      assert.equal(res.status, 422, `${symbol} ${from}`);
      const err = (await res.json()).error;
      assert.equal(err.details[0].field, "from");
    }
    assert.equal((await t.app.request("/api/symbols/A../candles")).status, 422);
    assert.deepEqual(t.srv.requests, [], "nothing reached the provider");
  } finally {
    await t.close();
  }
});
