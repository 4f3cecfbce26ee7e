// Issue 19, finding 4: "2330" or "台積電" must find 2330.TW. The Chinese name comes from TWSE's
// own document (the recorded STOCK_DAY response of December 2020), is stored with the symbol
// and searched with its code and name by GET /symbols?q=.
import assert from "node:assert/strict";
import { fixture } from "../../../tests/helpers/fixture_server.ts";
import { parseStockDayName } from "../../providers/twse.ts";
import { onlineApp } from "./_online_test_app.ts";

const stockDay = () =>
  new Response(fixture("twse/STOCK_DAY_2330_202012.json"), {
    headers: { "content-type": "application/json" },
  });

Deno.test("parseStockDayName() - the Chinese name in a STOCK_DAY title", () => {
  assert.equal(parseStockDayName(JSON.parse(fixture("twse/STOCK_DAY_2330_202012.json"))), "台積電");
  assert.equal(parseStockDayName({ stat: "OK", title: "something else" }), null);
  assert.equal(parseStockDayName(null), null);
});

Deno.test("GET /symbols?q= - finds a stored TWSE symbol by code, Chinese name and name, with its name_zh", async () => {
  const t = await onlineApp(stockDay);
  t.deps.now = () => Date.parse("2020-12-18T00:30:00Z"); // one month to fetch
  try {
    const added = await t.post({ symbol: "2330.TW", from: "2020-12-01" });
    assert.equal(added.status, 201, await added.clone().text());
    const search = async (q: string) => {
      const res = await t.app.request(`/symbols?q=${encodeURIComponent(q)}`);
      assert.equal(res.status, 200);
      return (await res.json()).symbols as { symbol: string; name_zh: string | null }[];
    };
    for (const q of ["2330", "台積電", "2330.tw", "台積"]) {
      const found = await search(q);
      assert.deepEqual(found.map((s) => s.symbol), ["2330.TW"], q);
      assert.equal(found[0]!.name_zh, "台積電");
    }
    assert.deepEqual((await search("apple")).map((s) => s.symbol), ["AAPL"], "by English name");
    const universe = (await (await t.app.request("/symbols")).json()).symbols;
    assert.ok(universe.every((s: { name_zh: unknown }) => s.name_zh === null));
  } finally {
    await t.close();
  }
});
