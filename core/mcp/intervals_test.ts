// MCP tools taking a symbol take an interval too: weekly and monthly bars through the same routes.
import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { mcpClient, textOf } from "./test_client.ts";

Deno.test("mcp - get_candles, get_quote, get_indicators, find_patterns and get_signals take interval", async () => {
  const { app, deps } = await testCoreApp();
  const c = await mcpClient("http://core.test/mcp", {
    fetch: async (url: string | URL, init?: RequestInit) => await app.request(String(url), init),
  });
  try {
    const call = async (name: string, args: Record<string, unknown>) => {
      const r = await c.callTool({ name, arguments: args });
      assert.notEqual(r.isError, true, `${name}: ${textOf(r)}`);
      return r.structuredContent as Record<string, unknown>;
    };
    const monthly = await call("get_candles", { symbol: "SPX", interval: "1mo", limit: 2 });
    assert.equal(monthly.interval, "1mo");
    const candles = monthly.candles as { date: string; partial?: boolean }[];
    assert.deepEqual(candles.map((x) => x.date), ["2020-03-02", "2020-04-01"]);
    assert.equal(candles[1]!.partial, true);
    assert.match(String(monthly.full_data), /interval=1mo/);
    const quote = await call("get_quote", { symbol: "SPX", interval: "1w" });
    assert.equal(quote.date, "2020-04-13");
    const ind = await call("get_indicators", {
      symbol: "SPX",
      names: "rsi",
      interval: "1w",
      limit: 3,
    });
    assert.deepEqual(ind.dates, ["2020-03-30", "2020-04-06", "2020-04-13"]);
    assert.equal((await call("find_patterns", { symbol: "SPX", interval: "1w" })).interval, "1w");
    assert.equal((await call("get_signals", { symbol: "SPX", interval: "1mo" })).interval, "1mo");
    const bad = await c.callTool({
      name: "get_candles",
      arguments: { symbol: "SPX", interval: "2w" },
    });
    assert.equal(bad.isError, true);
    assert.match(textOf(bad), /interval/);
  } finally {
    await c.close();
    await deps.db.close();
  }
});
