// A paper bot trading the `rule` strategy fills exactly like one trading the built-in strategy
// its rules restate: the bot is stored with `strategy: "rule"` and its params, and rebuilt from
// them at each replay.
import assert from "node:assert/strict";
import { Hono } from "hono";
import { errorHandler } from "@trading/shared/http";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { paperRoutes } from "./paper.ts";

const { deps } = await testCoreApp();
const app = new Hono()
  .use(async (c, next) => {
    c.set("user" as never, { id: "u1", email: "u1@x.test", role: "user", plan: "free" } as never);
    await next();
  })
  .route("/", paperRoutes.app(deps));
app.onError(errorHandler(deps.logger));

const call = async (method: string, path: string, body?: unknown) => {
  const res = await app.request(path, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
};

async function fillsOf(strategy: string, params: Record<string, unknown>) {
  const id =
    (await call("POST", "/api/paper/accounts", { cash: 100_000, start: "2015-06-01" })).body.id;
  const bot = await call("POST", `/api/paper/accounts/${id}/bots`, {
    symbol: "AAPL",
    strategy,
    params,
  });
  assert.equal(bot.status, 201, JSON.stringify(bot.body));
  const adv = await call("POST", `/api/paper/accounts/${id}/advance`, { bars: 120 });
  assert.equal(adv.status, 200, JSON.stringify(adv.body));
  return adv.body.fills.map((f: Record<string, unknown>) => [f.date, f.side, f.quantity, f.price]);
}

Deno.test("paper - a rule bot fills like the built-in strategy its rules restate", async () => {
  const builtin = await fillsOf("sma_cross", { fast: 5, slow: 20 });
  const rule = await fillsOf("rule", {
    entry: "sma($fast = 5) crosses_above sma($slow = 20)",
    exit: "sma($fast) crosses_below sma($slow)",
  });
  assert.ok(builtin.length >= 4);
  assert.deepEqual(rule, builtin);
  const broken = await call("POST", "/api/paper/accounts", { cash: 1_000, start: "2015-06-01" });
  const bad = await call("POST", `/api/paper/accounts/${broken.body.id}/bots`, {
    symbol: "AAPL",
    strategy: "rule",
    params: { entry: "close >" },
  });
  assert.equal(bad.status, 422);
  assert.equal(bad.body.error.code, "rule_invalid");
  await deps.db.close();
});
