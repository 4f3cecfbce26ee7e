import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { json, register } from "../../auth/test_http.ts";

const { app, deps } = await testCoreApp();
const put = (symbols: unknown, headers: Record<string, string>) =>
  app.request("/api/watchlist", json("PUT", { symbols }, headers));
const get = (headers: Record<string, string>) => app.request("/api/watchlist", { headers });
const screen = (body: unknown, headers: Record<string, string> = {}) =>
  app.request("/api/screens", json("POST", body, headers));
const fieldsOf = async (res: Response) =>
  ((await res.json()).error.details as { field: string }[]).map((d) => d.field);

/** A token of the account behind `cookie` with only `scopes`. */
async function token(cookie: string, scopes: string[]): Promise<string> {
  const res = await app.request("/api/tokens", json("POST", { name: "t", scopes }, { cookie }));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).token;
}

Deno.test("/api/watchlist - anonymous callers get 401; a read token reads but cannot replace (403); cross-site writes are refused", async () => {
  assert.equal((await get({})).status, 401);
  assert.equal((await put(["AAPL"], {})).status, 401);
  const cookie = await register(app, "wl-scope@example.com");
  const read = await token(cookie, ["read"]);
  const auth = { authorization: `Bearer ${read}` };
  const got = await get(auth);
  assert.equal(got.status, 200);
  assert.deepEqual(await got.json(), { symbols: [] });
  const refused = await put(["AAPL"], auth);
  assert.equal(refused.status, 403);
  assert.match(refused.headers.get("www-authenticate") ?? "", /insufficient_scope.*"backtest"/);
  const crossSite = await put(["AAPL"], { cookie, "sec-fetch-site": "cross-site" });
  assert.equal(crossSite.status, 403);
  assert.deepEqual(await (await get({ cookie })).json(), { symbols: [] }, "nothing was stored");
  const backtest = await token(cookie, ["read", "backtest"]);
  const ok = await put(["SPY"], { authorization: `Bearer ${backtest}` });
  assert.equal(ok.status, 200, await ok.clone().text());
});

Deno.test("/api/watchlist - replaced whole, upper-cased, duplicates dropped in order; a symbol served by name is loaded; another user sees only their own", async () => {
  const cookie = await register(app, "wl-trip@example.com");
  const other = await register(app, "wl-other@example.com");
  // SPX is bundled but loaded on first use (core/data/market/extra/SPX.csv): accepted by name
  const res = await put(["spy", "AAPL", "SPY", "SPX", "aapl"], { cookie });
  assert.equal(res.status, 200, await res.clone().text());
  assert.deepEqual(await res.json(), { symbols: ["SPY", "AAPL", "SPX"] });
  assert.deepEqual(await (await get({ cookie })).json(), { symbols: ["SPY", "AAPL", "SPX"] });
  assert.deepEqual(await (await get({ cookie: other })).json(), { symbols: [] });
  await put(["MSFT"], { cookie: other });
  assert.deepEqual(await (await get({ cookie })).json(), { symbols: ["SPY", "AAPL", "SPX"] });
  const replaced = await put(["AAPL"], { cookie });
  assert.deepEqual(await replaced.json(), { symbols: ["AAPL"] });
  const cleared = await put([], { cookie });
  assert.deepEqual(await cleared.json(), { symbols: [] });
  assert.deepEqual(await (await get({ cookie: other })).json(), { symbols: ["MSFT"] });
});

Deno.test("/api/watchlist - 422s name the field: a bad ticker or an unknown symbol symbols.N, too many symbols, a missing list", async () => {
  const cookie = await register(app, "wl-422@example.com");
  const bad = await put(["AAPL", "A.."], { cookie });
  assert.equal(bad.status, 422);
  assert.deepEqual(await fieldsOf(bad), ["symbols.1"]);
  const unknown = await put(["AAPL", "SPY", "NOPEZZ"], { cookie });
  assert.equal(unknown.status, 422);
  const body = await unknown.json();
  assert.deepEqual(body.error.details.map((d: { field: string }) => d.field), ["symbols.2"]);
  assert.match(body.error.message, /symbols\.2: no stored data for NOPEZZ/);
  const many = await put(Array.from({ length: 201 }, () => "AAPL"), { cookie });
  assert.equal(many.status, 422);
  assert.deepEqual(await fieldsOf(many), ["symbols"]);
  const missing = await app.request("/api/watchlist", json("PUT", {}, { cookie }));
  assert.equal(missing.status, 422);
  assert.deepEqual(await fieldsOf(missing), ["symbols"]);
  assert.deepEqual(await (await get({ cookie })).json(), { symbols: [] }, "nothing stored");
});

Deno.test('POST /api/screens - universe "watchlist" screens the caller\'s list only; empty is a 422 naming universe; anonymous a 401 naming it', async () => {
  const anon = await screen({ rule: "close > 0", universe: "watchlist" });
  assert.equal(anon.status, 401);
  assert.match((await anon.json()).error.message, /universe "watchlist": sign in/);
  const cookie = await register(app, "wl-screen@example.com");
  const empty = await screen({ rule: "close > 0", universe: "watchlist" }, { cookie });
  assert.equal(empty.status, 422);
  const e = await empty.json();
  assert.deepEqual(e.error.details.map((d: { field: string }) => d.field), ["universe"]);
  assert.match(e.error.message, /your watchlist is empty/);
  await put(["MSFT", "AAPL"], { cookie });
  const r = await screen({ rule: "close > 0", universe: "watchlist", columns: ["close"] }, {
    cookie,
  });
  assert.equal(r.status, 200, await r.clone().text());
  const body = await r.json();
  assert.equal(body.screened, 2);
  const rows = body.rows.map((x: { symbol: string; values: number[] }) => [x.symbol, x.values[0]]);
  const last = async (s: string) => (await deps.series.get(s)).close.at(-1);
  assert.deepEqual(rows.sort(), [["AAPL", await last("AAPL")], ["MSFT", await last("MSFT")]]);
  // the same screen by token (scope read); another user's list is not theirs
  const read = await token(cookie, ["read"]);
  const byToken = await screen({ rule: "close > 0", universe: "watchlist" }, {
    authorization: `Bearer ${read}`,
  });
  assert.equal((await byToken.json()).screened, 2);
  const other = await register(app, "wl-screen-other@example.com");
  const theirs = await screen({ rule: "close > 0", universe: "watchlist" }, { cookie: other });
  assert.equal(theirs.status, 422, "the other user's watchlist is empty");
});

Deno.test('saved screens - universe "watchlist" is stored as such and runs against the list as it is at each run', async () => {
  const cookie = await register(app, "wl-saved@example.com");
  const saved = await app.request(
    "/api/screens/saved",
    json("POST", { name: "Mine", rule: "close > 0", universe: "watchlist" }, { cookie }),
  );
  assert.equal(saved.status, 201, await saved.clone().text());
  const s = await saved.json();
  assert.equal(s.universe, "watchlist");
  const { id: _id, name: _n, created_at: _c, updated_at: _u, ...spec } = s;
  await put(["SPY"], { cookie });
  const first = await (await screen(spec, { cookie })).json();
  assert.deepEqual(first.rows.map((r: { symbol: string }) => r.symbol), ["SPY"]);
  await put(["SPY", "NVDA"], { cookie });
  const second = await (await screen(spec, { cookie })).json();
  assert.deepEqual(second.rows.map((r: { symbol: string }) => r.symbol).sort(), ["NVDA", "SPY"]);
});

Deno.test({
  name: "close the database",
  fn: () => deps.db.close(),
  sanitizeResources: false,
  sanitizeOps: false,
});
