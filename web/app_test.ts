import assert from "node:assert/strict";
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp } from "./app.ts";
import { CSP, LWC_LOGO_STYLE_HASH } from "./page_csp.ts";
import { readIslandNames } from "./island_files.ts";

const config = loadConfig(WebEnvSchema, { CORE_SERVICE_URL: "http://core.test:1" });
const logger = createLogger({ service: "test", level: "error", write: () => {} });

/** A fake core answering from a table; records the requests it saw. */
function fakeCore(routes: Record<string, unknown>) {
  const seen: Request[] = [];
  const f = (input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(req);
    const path = new URL(req.url).pathname;
    if (path === "/api/auth/login") {
      const h = new Headers({ "content-type": "application/json" });
      h.append("set-cookie", "session=abc; HttpOnly; Path=/");
      h.append("set-cookie", "other=1; Path=/");
      return Promise.resolve(new Response('{"ok":true}', { status: 200, headers: h }));
    }
    if (path in routes) return Promise.resolve(Response.json(routes[path]));
    return Promise.resolve(
      Response.json({ error: { code: "not_found", message: "no" } }, { status: 404 }),
    );
  };
  return { fetch: f as typeof fetch, seen };
}

const downFetch = (() => Promise.reject(new TypeError("connection refused"))) as typeof fetch;

Deno.test("GET /health - web answers healthy", async () => {
  const app = createWebApp({ config, logger, fetch: downFetch });
  const r = await app.request("/health");
  assert.equal(r.status, 200);
  assert.equal((await r.json()).status, "healthy");
});

Deno.test("GET / - core down gives a friendly page with a CSP, not a raw error", async () => {
  const app = createWebApp({ config, logger, fetch: downFetch });
  const r = await app.request("/");
  assert.equal(r.status, 503);
  const html = await r.text();
  assert.match(html, /The analysis service is not reachable/);
  assert.match(html, /<header class="top">/);
  assert.equal(r.headers.get("content-security-policy"), CSP);
  assert.doesNotMatch(CSP, /unsafe-inline/);
  assert.doesNotMatch(html, /<script(?![^>]*\ssrc=)/, "no inline script");
});

Deno.test("GET / - pages carry the services' shared security headers, COOP included", async () => {
  const app = createWebApp({ config, logger, fetch: downFetch });
  const r = await app.request("/");
  await r.body?.cancel();
  assert.equal(r.headers.get("cross-origin-opener-policy"), "same-origin");
  assert.equal(r.headers.get("x-content-type-options"), "nosniff");
  assert.equal(r.headers.get("x-frame-options"), "DENY");
  assert.equal(r.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
});

Deno.test("/docs - a proxied answer keeps its service's own CSP", async () => {
  const docsCsp = "default-src 'none'; style-src 'unsafe-inline'";
  const f = (() =>
    Promise.resolve(
      new Response("<html></html>", {
        headers: { "content-type": "text/html", "content-security-policy": docsCsp },
      }),
    )) as typeof fetch;
  const r = await createWebApp({ config, logger, fetch: f }).request("/docs");
  await r.body?.cancel();
  assert.equal(r.headers.get("content-security-policy"), docsCsp);
});

Deno.test("GET / - zh-TW from Accept-Language, escapes names from core", async () => {
  const core = fakeCore({
    "/symbols": {
      total: 1,
      symbols: [{
        symbol: "X",
        name: "<img src=x onerror=alert(1)>",
        market: "US",
        currency: "USD",
        first: "2017-01-03",
        last: "2017-01-04",
        bars: 2,
        source: "t",
      }],
    },
  });
  const app = createWebApp({ config, logger, fetch: core.fetch });
  const r = await app.request("/", { headers: { "accept-language": "zh-TW,zh;q=0.9" } });
  assert.equal(r.status, 200);
  const html = await r.text();
  assert.match(html, /<html lang="zh-TW"/);
  assert.match(html, /市場/);
  assert.doesNotMatch(html, /<img src=x/);
});

Deno.test("GET /prefs/lang/zh-TW - sets the cookie and redirects only to a local path", async () => {
  const app = createWebApp({ config, logger, fetch: downFetch });
  const r = await app.request("/prefs/lang/zh-TW?next=%2Fsymbol%2FAAPL");
  assert.equal(r.status, 303);
  assert.equal(r.headers.get("location"), "/symbol/AAPL");
  assert.match(r.headers.get("set-cookie") ?? "", /lang=zh-TW/);
  const evil = await app.request("/prefs/theme/dark?next=%2F%2Fevil.example");
  assert.equal(evil.headers.get("location"), "/");
  assert.equal((await app.request("/prefs/theme/neon")).status, 404);
});

Deno.test("/api/* - forwarded to core unchanged with cookies both ways", async () => {
  const core = fakeCore({});
  const app = createWebApp({ config, logger, fetch: core.fetch });
  const r = await app.request("/api/auth/login?x=1", {
    method: "POST",
    headers: { cookie: "session=old", "content-type": "application/json" },
    body: '{"email":"a@b.c"}',
  });
  assert.equal(r.status, 200);
  assert.deepEqual(r.headers.getSetCookie(), ["session=abc; HttpOnly; Path=/", "other=1; Path=/"]);
  const seen = core.seen[0]!;
  assert.equal(seen.url, "http://core.test:1/api/auth/login?x=1");
  assert.equal(seen.method, "POST");
  assert.equal(seen.headers.get("cookie"), "session=old");
  assert.equal(await seen.text(), '{"email":"a@b.c"}');
  assert.ok(seen.headers.get("x-request-id"));
});

Deno.test("/api/* - core down becomes a JSON 502 in the shared error shape", async () => {
  const app = createWebApp({ config, logger, fetch: downFetch });
  const r = await app.request("/api/symbols/AAPL/quote");
  assert.equal(r.status, 502);
  assert.equal((await r.json()).error.code, "upstream_unavailable");
});

Deno.test("GET /symbol/:s - unknown symbol is a friendly 404 page", async () => {
  const app = createWebApp({ config, logger, fetch: fakeCore({}).fetch });
  const r = await app.request("/symbol/ZZZZ");
  assert.equal(r.status, 404);
  assert.match(await r.text(), /No data for this symbol/);
});

Deno.test("islands - every island a page renders is a file in web/islands/, and every file is rendered", async () => {
  const rendered = new Set<string>();
  for (const dir of ["./pages/", "./routes/", "./components/"]) {
    for await (const e of Deno.readDir(new URL(dir, import.meta.url))) {
      if (!e.isFile || !e.name.endsWith(".tsx")) continue;
      const text = await Deno.readTextFile(new URL(`${dir}${e.name}`, import.meta.url));
      for (const m of text.matchAll(/<Island\s+name="(\w+)"/g)) rendered.add(m[1]!);
    }
  }
  assert.deepEqual([...rendered].sort(), readIslandNames());
});

Deno.test("CSP - the allowed style hash is lightweight-charts' attribution logo style", async () => {
  const lib = await Deno.readTextFile(
    new URL(
      "../node_modules/lightweight-charts/dist/lightweight-charts.production.mjs",
      import.meta.url,
    ),
  );
  const css = lib.match(/createElement\("style"\),this\.\w+\.innerText="([^"]+)"/)?.[1];
  assert.ok(css, "style text found in the library");
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(css));
  const b64 = btoa(String.fromCharCode(...new Uint8Array(digest)));
  assert.equal(`sha256-${b64}`, LWC_LOGO_STYLE_HASH);
});

Deno.test("GET /account - signed out: the sign-in island, Google only when core enables it", async () => {
  const unauth = (providers: unknown) => {
    const f = (input: RequestInfo | URL, init?: RequestInit) => {
      const path = new URL(new Request(input, init).url).pathname;
      if (path === "/api/auth/providers") return Promise.resolve(Response.json(providers));
      return Promise.resolve(
        Response.json({ error: { code: "unauthorized", message: "no" } }, { status: 401 }),
      );
    };
    return createWebApp({ config, logger, fetch: f as typeof fetch });
  };
  const off = await (await unauth({ password: true, google: false, google_login_url: null })
    .request("/account?next=%2Fpaper")).text();
  assert.match(off, /data-island="SignIn"/);
  assert.match(off, /&quot;next&quot;:&quot;\/paper&quot;/);
  assert.doesNotMatch(off, /Sign in with Google/);
  const on = await (await unauth({
    password: true,
    google: true,
    google_login_url: "/api/auth/google/login",
  }).request("/account?next=%2F%2Fevil.example")).text();
  assert.match(on, /Sign in with Google/);
  assert.match(on, /&quot;next&quot;:&quot;\/account&quot;/, "a foreign next is not followed");
});

Deno.test("GET /paper and /admin - signed out gets a sign-in link, never an error page", async () => {
  const app = createWebApp({ config, logger, fetch: fakeCore({}).fetch });
  const anon = (() =>
    Promise.resolve(
      Response.json({ error: { code: "unauthorized", message: "no" } }, { status: 401 }),
    )) as typeof fetch;
  const paper = await createWebApp({ config, logger, fetch: anon }).request("/paper");
  assert.equal(paper.status, 200);
  assert.match(await paper.text(), /href="\/account\?next=%2Fpaper"/);
  const admin = await createWebApp({ config, logger, fetch: anon }).request("/admin");
  assert.equal(admin.status, 401);
  assert.match(await admin.text(), /This page is for administrators/);
  assert.equal((await app.request("/admin")).status, 401);
});

Deno.test("GET /admin - a signed-in user who is not an admin gets a friendly 403", async () => {
  const core = fakeCore({
    "/api/me": { user: { id: "u", email: "a@b.c", role: "user", plan: "free" }, quota: {} },
  });
  const r = await createWebApp({ config, logger, fetch: core.fetch }).request("/admin");
  assert.equal(r.status, 403);
  assert.match(await r.text(), /This page is for administrators/);
});

Deno.test("/mcp - web forwards MCP requests to core unchanged (bearer header, body)", async () => {
  const core = fakeCore({ "/mcp": { jsonrpc: "2.0", id: 1, result: {} } });
  const app = createWebApp({ config, logger, fetch: core.fetch });
  const r = await app.request("/mcp", {
    method: "POST",
    headers: { authorization: "Bearer tsk_x", "content-type": "application/json" },
    body: '{"jsonrpc":"2.0","id":1,"method":"ping"}',
  });
  assert.equal(r.status, 200);
  assert.deepEqual(await r.json(), { jsonrpc: "2.0", id: 1, result: {} });
  const seen = core.seen.at(-1)!;
  assert.equal(new URL(seen.url).pathname, "/mcp");
  assert.equal(seen.headers.get("authorization"), "Bearer tsk_x");
  assert.equal(await seen.text(), '{"jsonrpc":"2.0","id":1,"method":"ping"}');
});
