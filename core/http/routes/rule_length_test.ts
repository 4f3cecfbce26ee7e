// An over-long rule (past the rule language's 2,000 characters) is a rule error like any other:
// 422 `rule_invalid` naming the field, with `details.span` at the first character past the
// bound — for screens, their columns, saved screens, backtest rule parameters and alert rules.
import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { json, register } from "../../auth/test_http.ts";

const { app, deps } = await testCoreApp();
const LONG = "close > " + "1".repeat(2001 - "close > ".length);
const SPAN = { line: 1, column: 2001, end_line: 1, end_column: 2002 };

async function ruleError(res: Response, field: string): Promise<void> {
  assert.equal(res.status, 422, await res.clone().text());
  const e = (await res.json()).error;
  assert.equal(e.code, "rule_invalid");
  assert.equal(e.details.field, field);
  assert.deepEqual(e.details.span, SPAN);
  assert.match(e.message, /2001 characters long; the limit is 2000/);
}

Deno.test("POST /api/screens - a 2,001-character rule or column is a 422 rule_invalid with its span", async () => {
  assert.equal(LONG.length, 2001);
  await ruleError(await app.request("/api/screens", json("POST", { rule: LONG })), "rule");
  await ruleError(
    await app.request("/api/screens", json("POST", { rule: "close > 0", columns: [LONG] })),
    "columns.0",
  );
});

Deno.test("POST /api/screens/saved - a 2,001-character rule is a 422 rule_invalid with its span", async () => {
  const cookie = await register(app, "long-rule@example.com");
  await ruleError(
    await app.request("/api/screens/saved", json("POST", { name: "x", rule: LONG }, { cookie })),
    "rule",
  );
});

Deno.test("POST /api/backtests - a 2,001-character entry or exit rule is a 422 rule_invalid with its span", async () => {
  const range = { symbol: "AAPL", from: "2013-06-01", to: "2018-05-11", strategy: "rule" };
  await ruleError(
    await app.request("/api/backtests", json("POST", { ...range, params: { entry: LONG } })),
    "params.entry",
  );
  await ruleError(
    await app.request(
      "/api/backtests",
      json("POST", { ...range, params: { entry: "close > 0", exit: LONG } }),
    ),
    "params.exit",
  );
});

Deno.test("POST /api/alerts - a 2,001-character rule is a 422 rule_invalid with its span", async () => {
  const cookie = await register(app, "long-alert@example.com");
  await ruleError(
    await app.request("/api/alerts", json("POST", { symbol: "AAPL", rule: LONG }, { cookie })),
    "rule",
  );
});

Deno.test({
  name: "close the database",
  fn: () => deps.db.close(),
  sanitizeResources: false,
  sanitizeOps: false,
});
