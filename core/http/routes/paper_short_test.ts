import assert from "node:assert/strict";
import { DEFAULT_FEE_BPS } from "@trading/shared/costs";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { paperTestApp } from "./test_paper_app.ts";

const { deps } = await testCoreApp();
const { call } = paperTestApp(deps, "short-u");

/** An account holding 100 AAPL (bought and filled on the first replayed bar). */
async function longHundred(): Promise<string> {
  const acc = await call("POST", "/api/paper/accounts", { cash: 100_000, start: "2016-01-04" });
  const id = acc.body.id as string;
  await call("POST", `/api/paper/accounts/${id}/orders`, {
    client_order_id: "buy-100",
    symbol: "AAPL",
    side: "buy",
    qty: 100,
  });
  const adv = await call("POST", `/api/paper/accounts/${id}/advance`, { bars: 1 });
  assert.equal(adv.body.account.positions[0].qty, 100);
  return id;
}

Deno.test("POST /api/paper/accounts - a new account's commission is the backtest default", async () => {
  const acc = await call("POST", "/api/paper/accounts", { start: "2016-01-04" });
  assert.equal(acc.status, 201);
  assert.equal(acc.body.costs.fee_bps, DEFAULT_FEE_BPS);
  assert.ok(DEFAULT_FEE_BPS > 0);
});

Deno.test("POST /api/paper/accounts/:id/orders - a sell above the long position is 422 naming qty and allow_short", async () => {
  const id = await longHundred();
  const sell = (qty: number, extra: Record<string, unknown> = {}, key = `s-${qty}`) =>
    call("POST", `/api/paper/accounts/${id}/orders`, {
      client_order_id: key,
      symbol: "AAPL",
      side: "sell",
      qty,
      ...extra,
    });
  const refused = await sell(500);
  assert.equal(refused.status, 422, JSON.stringify(refused.body));
  const fields = refused.body.error.details.map((d: { field: string }) => d.field);
  assert.deepEqual(fields.sort(), ["allow_short", "qty"]);
  assert.match(refused.body.error.message, /long position of 100/);
  // a sell within the position is fine; pending sells count against what is left
  const part = await sell(60);
  assert.equal(part.status, 201);
  assert.equal(part.body.allow_short, false);
  assert.equal((await sell(41)).status, 422);
  assert.equal((await sell(40)).status, 201);
  // saying so opens a short on purpose
  const short = await sell(500, { allow_short: true }, "short-500");
  assert.equal(short.status, 201);
  assert.equal(short.body.allow_short, true);
  const adv = await call("POST", `/api/paper/accounts/${id}/advance`, { bars: 1 });
  assert.equal(adv.body.account.positions[0].qty, -500);
});
