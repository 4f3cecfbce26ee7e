import assert from "node:assert/strict";
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp } from "./app.ts";

const config = loadConfig(WebEnvSchema, { CORE_SERVICE_URL: "http://core.test:1" });
const logger = createLogger({ service: "test", level: "error", write: () => {} });

/** A core answering `routes` by path (404 otherwise), or 401 everywhere when signed out. */
function core(routes: Record<string, unknown> | "anonymous" | "down"): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    if (routes === "down") return Promise.reject(new TypeError("connection refused"));
    const path = new URL(new Request(input, init).url).pathname;
    if (routes !== "anonymous" && path in routes) {
      return Promise.resolve(Response.json(routes[path]));
    }
    const status = routes === "anonymous" ? 401 : 404;
    return Promise.resolve(Response.json({ error: { code: "x", message: "no" } }, { status }));
  }) as typeof fetch;
}

const page = (f: typeof fetch, path: string) =>
  createWebApp({ config, logger, fetch: f }).request(path, { headers: { cookie: "session=s" } });

/** The props the server gave an island. */
function islandProps(html: string, name: string): Record<string, unknown> {
  const m = new RegExp(`data-island="${name}" data-props="([^"]*)"`).exec(html);
  assert.ok(m, `island ${name} rendered`);
  const text = m[1]!.replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">").replaceAll("&#39;", "'");
  return JSON.parse(text);
}

const SIGNED_IN = {
  "/api/alerts": { alerts: [], active: 0, limit: 20 },
  "/api/notify/endpoints": { endpoints: [] },
  "/api/screens/saved": { screens: [{ id: "scr_1", name: "Oversold", rule: "rsi(14) < 30" }] },
  "/symbols": {
    total: 2,
    symbols: [{ symbol: "AAPL", last: "2018-05-11" }, { symbol: "MSFT", last: "2018-05-11" }],
  },
  "/api/symbols/AAPL/quote": { symbol: "AAPL", close: 188.589996, date: "2018-05-11" },
};

Deno.test("GET /alerts - signed out gets a sign-in prompt that comes back with the link", async () => {
  const r = await page(core("anonymous"), "/alerts?symbol=AAPL&price=190");
  assert.equal(r.status, 200);
  const html = await r.text();
  assert.match(html, /Sign in to create alerts/);
  assert.match(html, /href="\/account\?next=%2Falerts%3Fsymbol%3DAAPL%26price%3D190"/);
  assert.doesNotMatch(html, /data-island="Alerts"/);
});

Deno.test("GET /alerts - the symbol page's link prefills the symbol and its last close", async () => {
  const r = await page(core(SIGNED_IN), "/alerts?symbol=aapl");
  assert.equal(r.status, 200);
  const html = await r.text();
  const props = islandProps(html, "Alerts");
  const draft = props.draft as { symbol: string; level: string; kind: string };
  assert.deepEqual([draft.symbol, draft.kind, draft.level], ["AAPL", "price", "188.59"]);
  assert.equal(props.lastPrice, 188.589996);
  assert.deepEqual(props.screens, [{ id: "scr_1", name: "Oversold" }], "no rules in the props");
  // the form renders the chosen options (the server marks them selected)
  assert.match(
    html,
    /<option[^>]*value="either"[^>]*selected|<option[^>]*selected[^>]*value="either"/,
  );
  assert.match(html, /<a href="\/alerts" aria-current="page"/);
});

Deno.test("GET /alerts - the screener's rule on every stored symbol becomes a list", async () => {
  const r = await page(core(SIGNED_IN), "/alerts?rule=rsi(14)%20%3C%2030&symbols=all");
  const draft = islandProps(await r.text(), "Alerts").draft as Record<string, string>;
  assert.deepEqual([draft.target, draft.list, draft.kind], ["list", "AAPL, MSFT", "rule"]);
});

Deno.test("GET /alerts - core down is a friendly 503, not an error page", async () => {
  const r = await page(core("down"), "/alerts");
  assert.equal(r.status, 503);
  assert.match(await r.text(), /The analysis service is not reachable/);
});

Deno.test("GET /alerts/confirm - a token shows the confirm button; none says what is missing", async () => {
  const ok = await page(core("anonymous"), "/alerts/confirm?token=abcdefghijklmnop_123");
  assert.equal(ok.status, 200);
  const props = islandProps(await ok.text(), "ConfirmEmail");
  assert.equal(props.token, "abcdefghijklmnop_123");
  const missing = await page(core("anonymous"), "/alerts/confirm");
  assert.equal(missing.status, 400);
  assert.match(await missing.text(), /needs the link from the confirmation e-mail/);
});
