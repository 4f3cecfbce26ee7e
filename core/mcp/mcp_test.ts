// The MCP server in process: the SDK's client against core's app (app.request as its fetch).
import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { json, register } from "../auth/test_http.ts";
import { mcpClient, textOf } from "./test_client.ts";

const READ_TOOLS = [
  "list_symbols",
  "get_quote",
  "get_candles",
  "get_indicators",
  "find_patterns",
  "get_signals",
  "rule_functions",
  "screen",
  "list_strategies",
  "get_job",
];

async function setup(env: Record<string, string> = {}) {
  const { app, deps, logs } = await testCoreApp(env);
  const fetch = async (url: string | URL, init?: RequestInit) =>
    await app.request(String(url), init);
  const cookie = await register(app, "mcp@example.com");
  const token = async (scopes?: string[]) => {
    const res = await app.request(
      "/api/tokens",
      json("POST", { name: "mcp", ...(scopes ? { scopes } : {}) }, { cookie }),
    );
    assert.equal(res.status, 201, await res.clone().text());
    return (await res.json()).token as string;
  };
  const client = (t?: string, headers?: Record<string, string>) =>
    mcpClient("http://core.test/mcp", {
      fetch,
      ...(t ? { token: t } : {}),
      ...(headers ? { headers } : {}),
    });
  return { app, deps, logs, cookie, token, client };
}

Deno.test("mcp - anonymous callers list only the public read tools; get_quote AAPL is the bundled last close", async () => {
  const { deps, client } = await setup();
  const c = await client();
  const names = (await c.listTools()).tools.map((t: { name: string }) => t.name).sort();
  assert.deepEqual(names, [...READ_TOOLS].sort());
  const quote = await c.callTool({ name: "get_quote", arguments: { symbol: "aapl" } });
  assert.equal(quote.isError, undefined, textOf(quote));
  const q = quote.structuredContent as { symbol: string; date: string; close: number };
  // core/data/market/lean/AAPL.csv's last row: 2021-03-31,…,122.15,… (no split since 2020-08-31)
  assert.deepEqual([q.symbol, q.date, q.close], ["AAPL", "2021-03-31", 122.15]);
  // 2018-05-11,…,188.59,… as traded; split-adjusted by the 2020-08-31 4:1 split
  const day = { symbol: "AAPL", from: "2018-05-11", to: "2018-05-11" };
  const closeOf = async (args: Record<string, unknown>) => {
    const r = await c.callTool({ name: "get_candles", arguments: args });
    assert.equal(r.isError, undefined, textOf(r));
    return (r.structuredContent as { candles: { date: string; close: number }[] }).candles;
  };
  const [traded] = await closeOf({ ...day, adjust: "none" });
  assert.deepEqual([traded?.date, traded?.close], ["2018-05-11", 188.59]);
  const [adjusted] = await closeOf(day);
  assert.deepEqual([adjusted?.date, adjusted?.close], ["2018-05-11", 47.1475]);
  const refused = await c.callTool({
    name: "place_paper_order",
    arguments: { symbol: "AAPL", side: "buy", qty: 1, idempotency_key: "k1" },
  });
  assert.equal(refused.isError, true);
  assert.match(textOf(refused), /needs an API token with the "paper:trade" scope/);
  await c.close();
  await deps.db.close();
});

Deno.test("mcp - a session cookie does not authenticate MCP; MCP_ANONYMOUS=none refuses anonymous callers with 401", async () => {
  const { app, deps, cookie, client } = await setup({ MCP_ANONYMOUS: "none" });
  const res = await app.request("/mcp", {
    method: "POST",
    headers: {
      cookie,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
      "sec-fetch-site": "same-origin",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }),
  });
  assert.equal(res.status, 401);
  assert.match(res.headers.get("www-authenticate") ?? "", /^Bearer/);
  await assert.rejects(() => client());
  await deps.db.close();
});

Deno.test("mcp - a read token reads its own paper account but cannot trade: the tool is not listed and refused with the API's message", async () => {
  const { deps, token, client } = await setup();
  const c = await client(await token(["read"]));
  const names = (await c.listTools()).tools.map((t: { name: string }) => t.name);
  assert.ok(names.includes("paper_account"));
  for (const hidden of ["place_paper_order", "analyze_symbol", "run_backtest"]) {
    assert.ok(!names.includes(hidden), hidden);
  }
  const r = await c.callTool({
    name: "place_paper_order",
    arguments: { symbol: "AAPL", side: "buy", qty: 1, idempotency_key: "k1" },
  });
  assert.equal(r.isError, true);
  assert.equal(textOf(r), 'This API token lacks the "paper:trade" scope needed here');
  await c.close();
  await deps.db.close();
});

Deno.test("mcp - bad arguments are tool errors (the API's 404/422 messages), never HTTP 500s", async () => {
  const { deps, token, client } = await setup();
  const c = await client(await token());
  const cases: [string, Record<string, unknown>, RegExp][] = [
    ["get_quote", { symbol: "NOPE" }, /NOPE/],
    ["get_quote", { symbol: "../etc/passwd" }, /Input validation error/],
    ["get_candles", { symbol: "AAPL", limit: 100000 }, /Input validation error/],
    ["get_indicators", { symbol: "AAPL", names: "rsi:0" }, /rsi/],
    ["run_backtest", { symbol: "AAPL", strategy: "nope" }, /Unknown strategy "nope"/],
    ["get_job", { job_id: crypto.randomUUID() }, /No optimisation/],
    ["screen", { rule: "rsl(14) < 30" }, /rsl/],
    ["cancel_paper_order", { order_id: "x" }, /Input validation error/],
    ["place_paper_order", { symbol: "AAPL", side: "buy", qty: 1 }, /idempotency_key/],
  ];
  for (const [name, args, want] of cases) {
    const r = await c.callTool({ name, arguments: args });
    assert.equal(r.isError, true, `${name} ${JSON.stringify(args)}: ${textOf(r)}`);
    assert.match(textOf(r), want, name);
  }
  await c.close();
  await deps.db.close();
});

Deno.test("mcp - GET /mcp is 405 (stateless: no server-initiated stream)", async () => {
  const { app, deps } = await testCoreApp({ SEED_DATA: "none" });
  const res = await app.request("/mcp");
  assert.equal(res.status, 405);
  assert.equal(res.headers.get("allow"), "POST");
  assert.equal((await res.json()).error.code, "method_not_allowed");
  await deps.db.close();
});

Deno.test("mcp - every tool's answer stays bounded for a model's context at its largest settings", async () => {
  const { deps, token, client } = await setup();
  const c = await client(await token());
  const widest: [string, Record<string, unknown>][] = [
    ["list_symbols", { all: true }],
    ["get_candles", { symbol: "SPY", limit: 250 }],
    ["get_indicators", {
      symbol: "SPY",
      names: "rsi,macd,bollinger,sma:50,sma:200,ema:20,atr,stochastic,adx",
      limit: 250,
    }],
    ["find_patterns", { symbol: "SPY", candles: true, limit: 20 }],
    ["get_signals", { symbol: "SPY", limit: 100 }],
    ["rule_functions", {}],
    ["screen", { rule: "close > 0", columns: ["rsi(14)", "sma(50)", "atr(14)"], limit: 100 }],
    ["list_strategies", {}],
    ["run_backtest", { symbol: "SPY", strategy: "sma_cross", params: { fast: 5, slow: 20 } }],
  ];
  const sizes: Record<string, number> = {};
  for (const [name, args] of widest) {
    const r = await c.callTool({ name, arguments: args });
    assert.notEqual(r.isError, true, `${name}: ${textOf(r)}`);
    sizes[name] = JSON.stringify(r.structuredContent).length;
  }
  const over = Object.entries(sizes).filter(([, n]) => n > 32_000);
  assert.deepEqual(over, [], JSON.stringify(sizes));
  await c.close();
  await deps.db.close();
});

Deno.test('mcp - screen with universe "watchlist": the token owner\'s list; empty or anonymous are tool errors naming why', async () => {
  const { app, deps, cookie, token, client } = await setup();
  const c = await client(await token(["read"]));
  const empty = await c.callTool({
    name: "screen",
    arguments: { rule: "close > 0", universe: "watchlist" },
  });
  assert.equal(empty.isError, true);
  assert.match(textOf(empty), /your watchlist is empty/);
  const put = await app.request(
    "/api/watchlist",
    json("PUT", { symbols: ["NVDA", "SPY"] }, { cookie }),
  );
  assert.equal(put.status, 200, await put.clone().text());
  const r = await c.callTool({
    name: "screen",
    arguments: { rule: "close > 0", universe: "watchlist", columns: ["close"] },
  });
  assert.equal(r.isError, undefined, textOf(r));
  const out = r.structuredContent as { screened: number; rows: { symbol: string }[] };
  assert.equal(out.screened, 2);
  assert.deepEqual(out.rows.map((x) => x.symbol).sort(), ["NVDA", "SPY"]);
  const anon = await client();
  const refused = await anon.callTool({
    name: "screen",
    arguments: { rule: "close > 0", universe: "watchlist" },
  });
  assert.equal(refused.isError, true);
  assert.match(textOf(refused), /sign in to screen your watchlist/);
  await c.close();
  await anon.close();
  await deps.db.close();
});
