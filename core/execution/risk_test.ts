import assert from "node:assert/strict";
import { checkOrder } from "./risk.ts";

const none = { maxPositionPct: null, maxOrderValue: null, killSwitch: false };

Deno.test("checkOrder() enforces max position %, max order value and the kill switch", () => {
  const x = { signedQty: 10, price: 100, heldQty: 0, equity: 10_000 };
  assert.equal(checkOrder(none, x), null);
  assert.match(checkOrder({ ...none, maxOrderValue: 500 }, x)!, /max order value 500/);
  assert.match(checkOrder({ ...none, maxPositionPct: 5 }, x)!, /10\.0% of equity/);
  assert.match(checkOrder({ ...none, killSwitch: true }, x)!, /kill switch/);
  // reducing a position passes size limits
  assert.equal(
    checkOrder({ ...none, maxOrderValue: 1 }, { ...x, signedQty: -5, heldQty: 10 }),
    null,
  );
});
