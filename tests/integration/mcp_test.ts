/**
 * The MCP server of a real core process (started with its `deno task serve:core` flags), driven
 * by the official SDK's client over Streamable HTTP with API tokens: the tools listed per scope,
 * every tool called, the bundled AAPL close, a paper order placed through MCP seen by the HTTP
 * API, a read token refused, bad arguments as tool errors, resources and prompts.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { mcpClient, textOf } from "../../core/mcp/test_client.ts";
import {
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";

/** Largest structured answer a tool may give (characters of JSON): bounded for a model. */
const MAX_TOOL_JSON = 40_000;

const names = async (c: Client): Promise<string[]> =>
  (await c.listTools()).tools.map((t: { name: string }) => t.name).sort();

async function call(c: Client, name: string, args: Record<string, unknown>) {
  const r = await c.callTool({ name, arguments: args });
  assert.notEqual(r.isError, true, `${name}: ${textOf(r)}`);
  const out = r.structuredContent as Record<string, unknown>;
  assert.ok(out, `${name} gives structured output`);
  const size = JSON.stringify(out).length;
  assert.ok(size <= MAX_TOOL_JSON, `${name}: ${size} characters of JSON`);
  return out;
}

Deno.test({
  name:
    "mcp over HTTP - the SDK client against a real core process: scopes, every tool, paper trading seen by the API",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("mcp");
    let core: RunningService | null = null;
    const clients: Client[] = [];
    try {
      core = await startService("core", { DATABASE_URL: dbUrl });
      const url = `${core.url}/mcp`;
      const post = (path: string, body: unknown, headers: Record<string, string>) =>
        fetch(`${core!.url}${path}`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify(body),
        });
      const reg = await post("/api/auth/register", {
        email: "mcp-it@example.com",
        password: "correct horse battery staple 9",
      }, {});
      assert.equal(reg.status, 201, await reg.clone().text());
      const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
      const token = async (scopes?: string[]) => {
        const r = await post("/api/tokens", { name: "mcp", ...(scopes ? { scopes } : {}) }, {
          cookie,
        });
        assert.equal(r.status, 201, await r.clone().text());
        return (await r.json()).token as string;
      };
      const full = await mcpClient(url, { token: await token() });
      const reader = await mcpClient(url, { token: await token(["read"]) });
      const anon = await mcpClient(url);
      clients.push(full, reader, anon);

      // tools per scope
      const all = await names(full);
      const read = await names(reader);
      const pub = await names(anon);
      assert.equal(all.length, 18, all.join(", "));
      assert.ok(pub.every((n: string) => read.includes(n)) && read.every((n) => all.includes(n)));
      assert.deepEqual(read.filter((n) => !pub.includes(n)), ["paper_account"]);
      for (
        const n of ["place_paper_order", "run_backtest", "analyze_symbol", "optimise_strategy"]
      ) {
        assert.ok(!read.includes(n), `${n} is not listed for a read token`);
      }

      // the bundled last close (core/data/market/lean/AAPL.csv: 2021-03-31,…,122.15,…; no split
      // since 2020-08-31, so split-adjusted is as traded)
      const quote = await call(anon, "get_quote", { symbol: "AAPL" });
      assert.equal(quote.date, "2021-03-31");
      assert.equal(quote.close, 122.15);
      // lean/AAPL.csv: 2018-05-11,…,188.59,… as traded; 188.59 / 4 after the 2020 4:1 split
      const day = { symbol: "AAPL", from: "2018-05-11", to: "2018-05-11" };
      const traded = await call(anon, "get_candles", { ...day, adjust: "none" });
      assert.deepEqual(traded.candles, [
        {
          date: "2018-05-11",
          open: 189.55,
          high: 190.06,
          low: 187.45,
          close: 188.59,
          volume: 24637060,
        },
      ]);
      const adjusted = await call(anon, "get_candles", day);
      assert.equal((adjusted.candles as { close: number }[])[0]?.close, 47.1475);

      // every tool, with a token holding every scope
      const symbols = await call(full, "list_symbols", {});
      assert.equal(symbols.total, 13);
      const candles = await call(full, "get_candles", { symbol: "AAPL", limit: 5 });
      assert.equal((candles.candles as unknown[]).length, 5);
      assert.equal(candles.truncated, true);
      const capped = await call(full, "get_candles", { symbol: "SPY", limit: 250 });
      assert.equal((capped.candles as unknown[]).length, 250);
      const ind = await call(full, "get_indicators", { symbol: "AAPL", names: "rsi,sma:50" });
      assert.equal((ind.dates as string[]).length, 20);
      assert.equal((ind.series as Record<string, number[]>).rsi!.length, 20);
      await call(full, "find_patterns", { symbol: "AAPL", candles: true });
      const sig = await call(full, "get_signals", { symbol: "AAPL" });
      assert.ok(["BUY", "SELL", "HOLD"].includes((sig.score as { stance: string }).stance));
      const fns = await call(full, "rule_functions", { kind: "indicator" });
      assert.ok((fns.functions as { name: string }[]).some((f) => f.name === "rsi"));
      const screened = await call(full, "screen", { rule: "close > 0", columns: ["rsi(14)"] });
      assert.equal(screened.screened, 13);
      const strategies = await call(full, "list_strategies", {});
      assert.ok((strategies.strategies as { id: string }[]).some((s) => s.id === "sma_cross"));
      const analysis = await call(full, "analyze_symbol", { symbol: "AAPL" });
      assert.equal(analysis.data_date, "2021-03-31");
      assert.ok((analysis.reasons as { fact_refs: unknown[] }[]).length > 0);
      const bt = await call(full, "run_backtest", {
        symbol: "AAPL",
        strategy: "sma_cross",
        params: { fast: 10, slow: 50 },
        fee_bps: 5,
      });
      assert.equal(bt.full_result, `GET /api/backtests/${bt.id}`);
      const stored = await fetch(`${core.url}/api/backtests/${bt.id}`, {
        headers: { cookie },
      });
      assert.equal(stored.status, 200, "the full result is the HTTP resource");
      assert.deepEqual((await stored.json()).metrics, bt.metrics);
      const job = await call(full, "optimise_strategy", {
        symbol: "AAPL",
        strategy: "sma_cross",
        grid: { fast: [5, 10], slow: [30, 50] },
      });
      let polled = job;
      for (let i = 0; i < 100 && polled.status === "running"; i++) {
        await new Promise((r) => setTimeout(r, 100));
        polled = await call(full, "get_job", { job_id: job.id });
      }
      assert.equal(polled.status, "done", JSON.stringify(polled));
      assert.equal((polled.result as { combinations: number }).combinations, 4);

      // paper trading through MCP, seen by the HTTP API
      const none = await call(full, "paper_account", {});
      assert.deepEqual(none.accounts, []);
      const opened = await call(full, "open_paper_account", { start: "2018-01-02" });
      assert.equal(opened.opened, true);
      const account = opened.account as { id: string };
      const reopened = await call(full, "open_paper_account", { start: "2018-01-02" });
      assert.equal(reopened.opened, false, "a retry opens no second account");
      assert.equal((reopened.account as { id: string }).id, account.id);
      const listed = await (await fetch(`${core.url}/api/paper/accounts`, {
        headers: { cookie },
      })).json();
      assert.equal(listed.accounts.length, 1);
      const order = await call(full, "place_paper_order", {
        symbol: "AAPL",
        side: "buy",
        qty: 10,
        idempotency_key: "mcp-order-1",
      });
      const again = await call(full, "place_paper_order", {
        symbol: "AAPL",
        side: "buy",
        qty: 10,
        idempotency_key: "mcp-order-1",
      });
      const placed = order.order as { id: string; status: string };
      assert.equal((again.order as { id: string }).id, placed.id, "idempotent by key");
      const http = await (await fetch(`${core.url}/api/paper/accounts/${account.id}/orders`, {
        headers: { cookie },
      })).json();
      assert.deepEqual(http.orders.map((o: { id: string }) => o.id), [placed.id]);
      const limit = await call(full, "place_paper_order", {
        symbol: "AAPL",
        side: "buy",
        qty: 1,
        type: "limit",
        price: 1,
        idempotency_key: "mcp-order-2",
      });
      const cancelled = await call(full, "cancel_paper_order", {
        order_id: (limit.order as { id: string }).id,
      });
      assert.equal((cancelled.order as { status: string }).status, "cancelled");
      const advanced = await call(full, "advance_paper_clock", { to: "2018-01-03" });
      assert.equal(advanced.fill_count, 1);
      assert.equal(advanced.replayed_bars, 1);
      const replayedAgain = await full.callTool({
        name: "advance_paper_clock",
        arguments: { to: "2018-01-03" },
      });
      assert.equal(
        replayedAgain.isError,
        true,
        "a retried replay to a reached date changes nothing",
      );
      assert.match(textOf(replayedAgain), /after the clock 2018-01-03/);
      const view = await call(reader, "paper_account", {});
      assert.equal((view.account as { positions: unknown[] }).positions.length, 1);

      // a read token cannot trade
      const refused = await reader.callTool({
        name: "place_paper_order",
        arguments: { symbol: "AAPL", side: "buy", qty: 1, idempotency_key: "r1" },
      });
      assert.equal(refused.isError, true);
      assert.equal(textOf(refused), 'This API token lacks the "paper:trade" scope needed here');

      // bad arguments: tool errors with the API's messages, not HTTP failures
      for (
        const [name, args] of [
          ["get_quote", { symbol: "ZZZZ" }],
          ["get_candles", { symbol: "AAPL", from: "2018-02-30" }],
          ["get_indicators", { symbol: "AAPL", names: "nope" }],
          ["run_backtest", { symbol: "AAPL", strategy: "sma_cross", params: { fast: -1 } }],
          ["place_paper_order", { symbol: "AAPL", side: "buy", qty: 1, type: "limit" }],
          ["no_such_tool", {}],
        ] as const
      ) {
        const r = await full.callTool({ name, arguments: args });
        assert.equal(r.isError, true, `${name}: ${textOf(r)}`);
        assert.ok(textOf(r).length > 0);
      }

      // resources and prompts
      const res = await anon.listResources();
      assert.ok(res.resources.some((r: { uri: string }) => r.uri === "trading://symbols"));
      const note = await anon.readResource({ uri: "trading://symbols/AAPL/source" });
      // manifest.json: AAPL is QuantConnect LEAN's, Apache-2.0
      assert.match(String((note.contents[0] as { text: string }).text), /Apache-2\.0/);
      const prompt = await anon.getPrompt({ name: "analyse", arguments: { symbol: "AAPL" } });
      assert.match(JSON.stringify(prompt.messages), /analyze_symbol AAPL/);
      const cmp = await anon.getPrompt({
        name: "compare_strategies",
        arguments: { symbol: "SPY" },
      });
      assert.match(JSON.stringify(cmp.messages), /run_backtest/);
    } finally {
      for (const c of clients) await c.close().catch(() => {});
      await core?.stop();
      removeSqlite(dbUrl);
    }
  },
});
