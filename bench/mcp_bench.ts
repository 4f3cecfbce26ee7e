/**
 * The cost of MCP over the HTTP API, in process (`app.request`, no sockets), same run: a
 * `tools/call get_quote AAPL` JSON-RPC POST to /mcp (fresh server + transport per request,
 * the tool calling GET /api/symbols/AAPL/quote in-process) against that GET itself, both with
 * the same bearer token; and `tools/list` for a full token.
 *
 * Run: `deno bench -A bench/mcp_bench.ts`
 *
 * @module
 */
import { testCoreApp } from "../tests/helpers/core_app.ts";

const { app } = await testCoreApp({ LOG_LEVEL: "error" });
const reg = await app.request("/api/auth/register", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "bench@example.com", password: "correct horse battery staple 9" }),
});
const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
const { token } = await (await app.request("/api/tokens", {
  method: "POST",
  headers: { "content-type": "application/json", cookie },
  body: JSON.stringify({ name: "bench" }),
})).json();
const auth = { authorization: `Bearer ${token}` };
const rpc = (body: unknown) =>
  app.request("/mcp", {
    method: "POST",
    headers: {
      ...auth,
      "content-type": "application/json",
      accept: "application/json, text/event-stream",
    },
    body: JSON.stringify(body),
  });
const call = { jsonrpc: "2.0", id: 1, method: "tools/call" };

Deno.bench(
  "HTTP GET /api/symbols/AAPL/quote (baseline)",
  { group: "quote", baseline: true },
  async () => {
    const r = await app.request("/api/symbols/AAPL/quote", { headers: auth });
    if (r.status !== 200) throw new Error(String(r.status));
    await r.text();
  },
);

Deno.bench("MCP tools/call get_quote AAPL", { group: "quote" }, async () => {
  const r = await rpc({ ...call, params: { name: "get_quote", arguments: { symbol: "AAPL" } } });
  if (r.status !== 200) throw new Error(String(r.status));
  await r.text();
});

Deno.bench("MCP tools/list (18 tools, JSON schemas)", async () => {
  const r = await rpc({ jsonrpc: "2.0", id: 1, method: "tools/list" });
  if (r.status !== 200) throw new Error(String(r.status));
  await r.text();
});
