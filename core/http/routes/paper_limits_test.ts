import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { MAX_OPEN_ORDERS } from "../../paper/orders.ts";
import { paperTestApp } from "./test_paper_app.ts";

const { deps } = await testCoreApp();
const { call } = paperTestApp(deps, "lim");

Deno.test("POST /api/paper/accounts/:id/orders - an open order beyond the cap is 422 naming the limit", async () => {
  assert.equal(MAX_OPEN_ORDERS, 500);
  const acc = await call("POST", "/api/paper/accounts", {
    start: "2016-01-04",
    max_order_value: 1e3,
  });
  const id = acc.body.id;
  const url = `/api/paper/accounts/${id}/orders`;
  const limit = (n: number) => ({
    client_order_id: `cap-${n}`,
    symbol: "AAPL",
    side: "buy",
    type: "limit",
    price: 1,
    qty: 1,
  });
  // a rejected order (over the max order value) is not open: it does not count
  const rejected = await call("POST", url, { ...limit(-1), qty: 1e4 });
  assert.equal(rejected.body.status, "rejected");
  let first = "";
  for (let n = 0; n < MAX_OPEN_ORDERS; n++) {
    const r = await call("POST", url, limit(n));
    assert.equal(r.status, 201, JSON.stringify(r.body));
    if (n === 0) first = r.body.id;
  }
  const over = await call("POST", url, limit(MAX_OPEN_ORDERS));
  assert.equal(over.status, 422, JSON.stringify(over.body));
  assert.equal(over.body.error.code, "validation_error");
  assert.match(over.body.error.message, /at most 500 open orders/);
  assert.deepEqual(over.body.error.details, [
    { field: "open_orders", message: "at most 500 open orders per account" },
  ]);
  // the refused order was not stored; a retry of a stored one still answers
  assert.equal((await call("POST", url, limit(0))).status, 200);
  const open = (await call("GET", `${url}?status=open`)).body.orders;
  assert.equal(open.length, MAX_OPEN_ORDERS);
  // cancelling one makes room for one
  assert.equal((await call("DELETE", `${url}/${first}`)).status, 200);
  assert.equal((await call("POST", url, limit(MAX_OPEN_ORDERS))).status, 201);
  assert.equal((await call("POST", url, limit(MAX_OPEN_ORDERS + 1))).status, 422);
});

Deno.test("POST /api/paper/accounts/:id/orders - reusing a client_order_id with another body is 409", async () => {
  const id = (await call("POST", "/api/paper/accounts", { start: "2016-01-04" })).body.id;
  const url = `/api/paper/accounts/${id}/orders`;
  const order = {
    client_order_id: "idem-1",
    symbol: "AAPL",
    side: "buy",
    type: "limit",
    price: 90,
    qty: 10,
  };
  const placed = await call("POST", url, order);
  assert.equal(placed.status, 201);
  // the same body (symbol in another case, as the schema normalises it) replays the order
  const same = await call("POST", url, { ...order, symbol: "aapl" });
  assert.equal(same.status, 200);
  assert.equal(same.body.id, placed.body.id);
  for (const change of [{ qty: 11 }, { price: 91 }, { side: "sell" }, { type: "stop" }]) {
    const r = await call("POST", url, { ...order, ...change });
    assert.equal(r.status, 409, `${JSON.stringify(change)}: ${JSON.stringify(r.body)}`);
    assert.equal(r.body.error.code, "conflict");
    assert.match(r.body.error.message, /client_order_id idem-1 was already used/);
    const field = Object.keys(change)[0]!;
    assert.equal(r.body.error.details[0].field, field);
  }
  const market = await call("POST", url, {
    client_order_id: "idem-1",
    symbol: "AAPL",
    side: "buy",
    qty: 10,
  });
  assert.equal(market.status, 409);
  assert.deepEqual(market.body.error.details.map((d: { field: string }) => d.field), [
    "type",
    "price",
  ]);
  // nothing was stored by the refused requests
  const all = (await call("GET", url)).body.orders;
  assert.equal(all.length, 1);
  assert.equal(all[0].qty, 10);
});
