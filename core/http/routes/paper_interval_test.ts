// Paper bots decide on daily, weekly or monthly bars (core/paper/weekly_bot_test.ts replays
// them); an interval a bot cannot decide on (intraday: the paper clock steps by trading day)
// is a 422 naming interval, never silently run on days.
import assert from "node:assert/strict";
import { Hono } from "hono";
import { errorHandler } from "@trading/shared/http";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { paperRoutes } from "./paper.ts";

Deno.test("POST /api/paper/accounts/:id/bots - interval 5m is a 422 naming interval; 1w is kept; 1d is the default", async () => {
  const { deps } = await testCoreApp();
  try {
    const app = new Hono()
      .use(async (c, next) => {
        c.set(
          "user" as never,
          { id: "u1", email: "u1@x.test", role: "user", plan: "free" } as never,
        );
        await next();
      })
      .route("/", paperRoutes.app(deps));
    app.onError(errorHandler(deps.logger));
    const call = async (path: string, body: unknown) => {
      const res = await app.request(path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    };
    const id = (await call("/api/paper/accounts", { cash: 100_000, start: "2015-06-01" })).body.id;
    const bot = { symbol: "AAPL", strategy: "sma_cross" };
    const minutes = await call(`/api/paper/accounts/${id}/bots`, { ...bot, interval: "5m" });
    assert.equal(minutes.status, 422);
    const issue = minutes.body.error.details.find((d: { field: string }) => d.field === "interval");
    assert.ok(issue, JSON.stringify(minutes.body));
    const weekly = await call(`/api/paper/accounts/${id}/bots`, { ...bot, interval: "1w" });
    assert.equal(weekly.status, 201);
    assert.equal(weekly.body.interval, "1w");
    const daily = await call(`/api/paper/accounts/${id}/bots`, bot);
    assert.equal(daily.status, 201);
    assert.equal(daily.body.interval, "1d");
  } finally {
    await deps.db.close();
  }
});
