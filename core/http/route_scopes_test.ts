// Token scopes and cross-site requests, walked over every route of core. Apps from
// testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { API_SCOPES, type ApiScope } from "@trading/shared/schemas";
import { accountsApp, json, register } from "../auth/test_http.ts";
import { ROUTE_ACCESS, ROUTE_SCOPE, STATE_CHANGING_GETS } from "./route_access.ts";

type App = Awaited<ReturnType<typeof accountsApp>>["app"];

const concrete = (path: string) =>
  path.replace(/:(\w+)/g, (_, name: string) => name === "symbol" ? "AAPL" : crypto.randomUUID());

async function call(app: App, route: string, headers: Record<string, string>) {
  const [method, path] = route.split(" ") as [string, string];
  const init: RequestInit = ["GET", "HEAD", "DELETE"].includes(method)
    ? { method, headers }
    : json(method, {}, headers);
  const res = await app.request(concrete(path), init);
  const body = await res.text().catch(() => "");
  return { status: res.status, body, challenge: res.headers.get("www-authenticate") };
}

async function tokenWith(app: App, cookie: string, scopes: readonly ApiScope[]): Promise<string> {
  const res = await app.request("/api/tokens", json("POST", { name: "t", scopes }, { cookie }));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).token;
}

Deno.test("route scopes - every route registered on core has a scope (none bypasses the table)", async () => {
  const { app, deps } = await accountsApp();
  const registered = new Set<string>();
  for (const r of app.routes) if (r.method !== "ALL") registered.add(`${r.method} ${r.path}`);
  assert.ok(registered.size >= 50, `${registered.size} routes`);
  assert.deepEqual([...registered].filter((k) => !(k in ROUTE_SCOPE)).sort(), []);
  for (const key of STATE_CHANGING_GETS) assert.ok(registered.has(key), key);
  await deps.db.close();
});

Deno.test("route scopes - a token lacking a route's scope is refused with 403 insufficient_scope on every route", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "scoped@example.com");
  const wrong: string[] = [];
  const tokens = new Map<ApiScope, string>();
  for (const scope of API_SCOPES) {
    tokens.set(scope, await tokenWith(app, cookie, API_SCOPES.filter((s) => s !== scope)));
  }
  for (const [route, scope] of Object.entries(ROUTE_SCOPE)) {
    if (scope === null) continue;
    const r = await call(app, route, { authorization: `Bearer ${tokens.get(scope)}` });
    if (r.status !== 403 || !r.challenge?.includes(`scope="${scope}"`)) {
      wrong.push(`${route} without ${scope} → ${r.status} ${r.challenge}`);
    }
  }
  assert.deepEqual(wrong, []);
  await deps.db.close();
});

Deno.test("route scopes - a read-only token reads but cannot trade, spend or mint tokens", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "reader@example.com");
  const reader = { authorization: `Bearer ${await tokenWith(app, cookie, ["read"])}` };
  assert.equal((await app.request("/api/me", { headers: reader })).status, 200);
  assert.equal((await app.request("/api/paper/accounts", { headers: reader })).status, 200);
  const trade = await app.request(
    "/api/paper/accounts",
    json("POST", { start: "2017-06-01" }, reader),
  );
  assert.equal(trade.status, 403);
  assert.equal((await trade.json()).error.details.required_scope, "paper:trade");
  const mint = await app.request("/api/tokens", json("POST", { name: "x" }, reader));
  assert.equal(mint.status, 403, "a read token cannot mint tokens");
  const list = await (await app.request("/api/tokens", { headers: { cookie } })).json();
  assert.deepEqual(list.tokens[0].scopes, ["read"]);
  assert.equal(list.tokens[0].parent_id, null);
  await deps.db.close();
});

Deno.test("route scopes - a token mints only within its scopes, and revoking it revokes its children", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "minter@example.com");
  const parent = await tokenWith(app, cookie, ["read", "account"]);
  const asParent = { authorization: `Bearer ${parent}` };
  const escalate = await app.request(
    "/api/tokens",
    json("POST", { name: "c", scopes: ["paper:trade"] }, asParent),
  );
  assert.equal(escalate.status, 422);
  assert.equal((await escalate.json()).error.details[0].field, "scopes");
  const child = await app.request("/api/tokens", json("POST", { name: "c" }, asParent));
  assert.equal(child.status, 201);
  const childBody = await child.json();
  assert.deepEqual(childBody.scopes, ["read", "account"], "defaults to the parent's scopes");
  const grand = await (await app.request(
    "/api/tokens",
    json("POST", { name: "g", scopes: ["read"] }, { authorization: `Bearer ${childBody.token}` }),
  )).json();
  const list = await (await app.request("/api/tokens", { headers: { cookie } })).json();
  const parentId = list.tokens.find((t: { name: string }) => t.name === "t").id;
  assert.equal(childBody.parent_id, parentId);
  const del = await app.request(`/api/tokens/${parentId}`, {
    method: "DELETE",
    headers: { cookie },
  });
  assert.equal(del.status, 200);
  assert.equal((await del.json()).count, 3, "parent, child and grandchild");
  for (const t of [parent, childBody.token, grand.token]) {
    const r = await app.request("/api/me", { headers: { authorization: `Bearer ${t}` } });
    assert.equal(r.status, 401);
  }
  await deps.db.close();
});

Deno.test("cross-site - every route that changes state refuses a cross-site cookie request", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "victim@example.com");
  const changing = Object.keys(ROUTE_ACCESS).filter((r) =>
    !r.startsWith("GET ") || STATE_CHANGING_GETS.includes(r)
  );
  assert.ok(changing.includes("GET /api/ai/analyze/:symbol"));
  const wrong: string[] = [];
  for (const route of changing) {
    for (const headers of [{ "sec-fetch-site": "cross-site" }, { "sec-fetch-site": "same-site" }]) {
      const r = await call(app, route, { cookie, ...headers });
      if (r.status !== 403) wrong.push(`${route} ${headers["sec-fetch-site"]} → ${r.status}`);
    }
  }
  assert.deepEqual(wrong, []);
  const sameOrigin = await call(app, "GET /api/ai/analyze/:symbol", {
    cookie,
    "sec-fetch-site": "same-origin",
  });
  assert.equal(sameOrigin.status, 404, "same-origin passes the guard (no data: 404)");
  await deps.db.close();
});

Deno.test("cross-site - X-Forwarded-Host is trusted only behind trusted proxy hops", async () => {
  const forged = {
    origin: "https://evil.example",
    host: "core.internal",
    "x-forwarded-host": "evil.example",
  };
  for (const [hops, want] of [["0", 403], ["1", 201]] as const) {
    const { app, deps } = await accountsApp({ TRUST_PROXY_HOPS: hops });
    const cookie = await register(app, "h@example.com");
    const res = await app.request(
      "/api/tokens",
      json("POST", { name: "t" }, { cookie, ...forged }),
    );
    assert.equal(res.status, want, `TRUST_PROXY_HOPS=${hops}`);
    await deps.db.close();
  }
});
