// MCP tools spend the HTTP routes' own rate-limit counters (raw JSON-RPC, in process).
import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";

const post = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});

Deno.test("mcp - run_backtest and POST /api/backtests share one rate-limit counter (30/min per user), both ways", async () => {
  const { app, deps } = await testCoreApp();
  // a fixed 60 s window: do not start the 32 calls in its last seconds
  const into = Date.now() % 60_000;
  if (into > 45_000) await new Promise((r) => setTimeout(r, 60_000 - into + 200));
  const reg = await app.request(
    "/api/auth/register",
    post({ email: "limits@example.com", password: "correct horse battery staple 9" }),
  );
  const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
  const { token } = await (await app.request("/api/tokens", post({ name: "t" }, { cookie })))
    .json();
  const auth = { authorization: `Bearer ${token}` };
  const run = { symbol: "AAPL", strategy: "sma_cross", from: "2018-01-02" };
  const http = () => app.request("/api/backtests", post(run, auth));
  let id = 0;
  const mcp = async () => {
    const res = await app.request(
      "/mcp",
      post({
        jsonrpc: "2.0",
        id: ++id,
        method: "tools/call",
        params: { name: "run_backtest", arguments: run },
      }, { ...auth, accept: "application/json, text/event-stream" }),
    );
    assert.equal(res.status, 200);
    return (await res.json()).result as { isError?: boolean; content: { text: string }[] };
  };
  for (let i = 0; i < 29; i++) assert.equal((await http()).status, 201, `HTTP call ${i + 1}`);
  const thirtieth = await mcp();
  assert.notEqual(thirtieth.isError, true, thirtieth.content[0]?.text);
  const over = await mcp();
  assert.equal(over.isError, true);
  assert.match(over.content[0]!.text, /^Too many requests; retry in \d+ s$/);
  assert.equal((await http()).status, 429, "the MCP calls counted on HTTP's bucket");
  await deps.db.close();
});
