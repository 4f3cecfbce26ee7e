import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";

Deno.test("GET /api/symbols/:symbol/candles - cached JSON is identical, and a re-import is seen", async () => {
  const { app, deps } = await testCoreApp();
  try {
    const url = "/api/symbols/AAPL/candles?limit=3";
    const first = await app.request(url);
    assert.equal(first.headers.get("content-type"), "application/json");
    const a = await first.text();
    const b = await (await app.request(url)).text();
    assert.equal(b, a, "the second answer (from the cache) is byte-identical");
    assert.notEqual(await (await app.request("/api/symbols/AAPL/candles?limit=2")).text(), a);
    const body = JSON.parse(a);
    const last = body.candles.at(-1);
    await deps.market.importBars(
      { symbol: "AAPL", name: "Apple Inc.", market: "US", currency: "USD", source: "test" },
      [{ ...last, close: last.close + 1, high: Math.max(last.high, last.close + 1) }],
    );
    deps.series.invalidate();
    const after = JSON.parse(await (await app.request(url)).text());
    assert.equal(after.candles.at(-1).close, last.close + 1, "new data version, new answer");
  } finally {
    await deps.db.close();
  }
});
