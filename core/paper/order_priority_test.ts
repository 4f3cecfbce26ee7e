// Orders placed in the same millisecond keep the order they were placed in (time priority).
// CI failed once: a sell of 40 placed before a short sale of 500 was matched after it (their
// created_at tied and the random ids decided), so it was refused as beyond the long position.
import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { PaperService } from "./service.ts";

Deno.test("paper orders - placed in the same millisecond, listed and matched in the order placed", async () => {
  const { deps } = await testCoreApp();
  try {
    // a clock that never moves: every order has the same created_at
    const svc = new PaperService(deps.db, (s) => deps.series.get(s), {
      now: () => "2026-01-01T00:00:00.000Z",
    });
    for (let k = 0; k < 8; k++) {
      const user = `priority-${k}`;
      const acc = await svc.create(user, {
        name: "p",
        cash: 100_000,
        start: "2018-01-02",
        fee_bps: 0,
        min_fee: 0,
        slippage_bps: 0,
        max_position_pct: null,
        max_order_value: null,
      });
      const order = (key: string, side: "buy" | "sell", qty: number, allow_short = false) =>
        svc.place(user, acc.id, {
          client_order_id: key,
          symbol: "AAPL",
          side,
          type: "market",
          qty,
          allow_short,
        });
      await order("buy", "buy", 100);
      await svc.advance(user, acc.id, { bars: 1 });
      for (const [key, qty, short] of [["a", 60, false], ["b", 40, false], ["c", 500, true]]) {
        await order(key as string, "sell", qty as number, short as boolean);
      }
      const open = await svc.orders(user, acc.id, "open");
      assert.deepEqual(open.map((o) => o.client_order_id), ["a", "b", "c"]);
      await svc.advance(user, acc.id, { bars: 1 });
      const view = await svc.get(user, acc.id);
      assert.equal(view.positions[0]!.qty, -500, "every sell filled, in order");
    }
  } finally {
    await deps.db.close();
  }
});
