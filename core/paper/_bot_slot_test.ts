import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { PaperService } from "./service.ts";
import * as store from "./store.ts";

const { deps } = await testCoreApp();
const svc = new PaperService(deps.db, (s) => deps.series.get(s));

Deno.test("loadSlot() - a bot stored before broker slots cancels the order it left open and re-sends its decision", async () => {
  const acc = await svc.create("legacy", {
    name: "t",
    cash: 100_000,
    start: "2015-06-01",
    fee_bps: 0,
    min_fee: 0,
    slippage_bps: 0,
    max_position_pct: null,
    max_order_value: null,
  });
  const bot = await svc.addBot("legacy", acc.id, {
    symbol: "AAPL",
    strategy: "sma_cross",
    params: { fast: 5, slow: 20 },
    percent: 50,
  });
  // what the former bot code left: last decision long, its market buy still open, no state
  await deps.db.run("UPDATE paper_bots SET last_target = 1 WHERE id = ?", [bot.id]);
  const old = (await svc.place("legacy", acc.id, {
    client_order_id: `bot-${bot.id}-2015-06-01`,
    symbol: "AAPL",
    side: "buy",
    type: "market",
    qty: 3,
  })).order;
  await deps.db.run("UPDATE paper_orders SET source = ? WHERE id = ?", [`bot:${bot.id}`, old.id]);
  const r = await svc.advance("legacy", acc.id, { bars: 1 });
  const after = await store.findOrder(deps.db, acc.id, { id: old.id });
  assert.equal(after?.status, "cancelled");
  // the decision went to the next open through the slot, sized by the engine's rule
  assert.equal(r.fills.length, 1);
  const f = r.fills[0] as { side: string; qty: number; price: number };
  assert.equal(f.side, "buy");
  assert.equal(f.qty, Math.floor(50_000 / f.price + 1e-9));
  const [saved] = await store.listBots(deps.db, acc.id);
  assert.equal(JSON.parse(saved!.state!).slot.dir, 1);
});
