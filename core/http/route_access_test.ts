// Apps from testCoreApp() (tests/helpers/core_app.ts): tests/integration/postgres_suites_test.ts
// re-runs this suite on PostgreSQL.
import assert from "node:assert/strict";
import { accountsApp, apiToken, json, register } from "../auth/test_http.ts";
import { ROUTE_ACCESS } from "./route_access.ts";

/** A concrete URL for a route pattern: symbols get a real one, ids a random UUID. */
function concrete(path: string): string {
  return path.replace(
    /:(\w+)/g,
    (_, name: string) => name === "symbol" ? "AAPL" : crypto.randomUUID(),
  );
}

async function call(
  app: Awaited<ReturnType<typeof accountsApp>>["app"],
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<number> {
  const init: RequestInit = ["GET", "HEAD", "DELETE"].includes(method)
    ? { method, headers }
    : json(method, {}, headers);
  const res = await app.request(concrete(path), init);
  await res.body?.cancel(); // event streams stay open otherwise
  return res.status;
}

function registered(app: Awaited<ReturnType<typeof accountsApp>>["app"]): string[] {
  const set = new Set<string>();
  for (const r of app.routes) if (r.method !== "ALL") set.add(`${r.method} ${r.path}`);
  return [...set].sort();
}

Deno.test("route access - every route registered on core is classified in ROUTE_ACCESS, and only those", async () => {
  const { app, deps } = await accountsApp();
  const routes = registered(app);
  assert.ok(routes.length >= 20, "routes found");
  assert.deepEqual(routes.filter((r) => !(r in ROUTE_ACCESS)), [], "unclassified routes");
  assert.deepEqual(
    Object.keys(ROUTE_ACCESS).filter((r) => !routes.includes(r)).sort(),
    [],
    "classified routes that no longer exist",
  );
  await deps.db.close();
});

Deno.test("route access - user and admin routes answer 401 to anonymous callers; public ones do not", async () => {
  const { app, deps } = await accountsApp();
  const wrong: string[] = [];
  for (const route of registered(app)) {
    const [method, path] = route.split(" ") as [string, string];
    const access = ROUTE_ACCESS[route];
    const status = await call(app, method, path);
    if (access === "public" ? status === 401 || status === 403 : status !== 401) {
      wrong.push(`${route} (${access}) → ${status}`);
    }
  }
  assert.deepEqual(wrong, []);
  await deps.db.close();
});

Deno.test("route access - admin routes answer 403 to a signed-in non-admin, by cookie and by token", async () => {
  const { app, deps } = await accountsApp();
  const cookie = await register(app, "user@example.com");
  const token = await apiToken(app, cookie);
  const wrong: string[] = [];
  for (const route of registered(app).filter((r) => ROUTE_ACCESS[r] === "admin")) {
    const [method, path] = route.split(" ") as [string, string];
    for (const headers of [{ cookie }, { authorization: `Bearer ${token}` }]) {
      const status = await call(app, method, path, headers);
      if (status !== 403) wrong.push(`${route} → ${status}`);
    }
  }
  assert.deepEqual(wrong, []);
  await deps.db.close();
});

Deno.test("route access - one user cannot read or change another's resources (404, not 403)", async () => {
  const { app, deps } = await accountsApp();
  const alice = await register(app, "alice@example.com");
  const bob = await register(app, "bob@example.com");
  const aliceToken = await apiToken(app, alice, "alice's script");
  const aliceTokens = await (await app.request("/api/tokens", { headers: { cookie: alice } }))
    .json();
  const tokenId: string = aliceTokens.tokens[0].id;
  const bobList = await (await app.request("/api/tokens", { headers: { cookie: bob } })).json();
  assert.deepEqual(bobList.tokens, [], "bob does not see alice's tokens");
  const del = await app.request(`/api/tokens/${tokenId}`, {
    method: "DELETE",
    headers: { cookie: bob },
  });
  assert.equal(del.status, 404);
  const unknown = await app.request(`/api/tokens/${crypto.randomUUID()}`, {
    method: "DELETE",
    headers: { cookie: bob },
  });
  assert.equal(unknown.status, 404, "the same answer as for an id that does not exist");
  assert.equal(
    (await app.request("/api/me", { headers: { authorization: `Bearer ${aliceToken}` } })).status,
    200,
    "alice's token survived",
  );

  const created = await app.request(
    "/api/paper/accounts",
    json("POST", { start: "2017-06-01" }, { cookie: alice }),
  );
  assert.equal(created.status, 201, await created.clone().text());
  const account: string = (await created.json()).id;
  const order = { client_order_id: "o1", symbol: "AAPL", side: "buy", qty: 1 };
  const paths: [string, string, unknown?][] = [
    ["GET", `/api/paper/accounts/${account}`],
    ["GET", `/api/paper/accounts/${account}/orders`],
    ["GET", `/api/paper/accounts/${account}/positions`],
    ["GET", `/api/paper/accounts/${account}/fills`],
    ["PATCH", `/api/paper/accounts/${account}/risk`, { kill_switch: true }],
    ["POST", `/api/paper/accounts/${account}/orders`, order],
    ["POST", `/api/paper/accounts/${account}/advance`, { bars: 1 }],
    ["DELETE", `/api/paper/accounts/${account}/orders/${crypto.randomUUID()}`],
  ];
  const leaks: string[] = [];
  for (const [method, path, body] of paths) {
    const init = body === undefined
      ? { method, headers: { cookie: bob } }
      : json(method, body, { cookie: bob });
    const res = await app.request(path, init);
    await res.body?.cancel();
    if (res.status !== 404) leaks.push(`${method} ${path} → ${res.status}`);
  }
  assert.deepEqual(leaks, []);
  const bobAccounts = await (await app.request("/api/paper/accounts", { headers: { cookie: bob } }))
    .json();
  assert.deepEqual(bobAccounts.accounts, []);
  const own = await app.request(`/api/paper/accounts/${account}`, { headers: { cookie: alice } });
  assert.equal(own.status, 200);
  await deps.db.close();
});
