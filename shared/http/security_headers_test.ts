import assert from "node:assert/strict";
import { Hono } from "hono";
import { API_CSP, buildCsp, securityHeaders } from "./security_headers.ts";

function app(production: boolean) {
  return new Hono()
    .use(securityHeaders({ production }))
    .get("/json", (c) => c.json({ ok: true }))
    .get("/page", (c) => c.html("<p>hi</p>"))
    .get("/own", (c) => {
      c.header("content-security-policy", "default-src 'self'");
      return c.text("x");
    });
}

Deno.test("securityHeaders() - JSON gets the API policy, HTML the page policy, no HSTS in development", async () => {
  const json = await app(false).request("/json");
  assert.equal(json.headers.get("content-security-policy"), API_CSP);
  assert.equal(json.headers.get("x-content-type-options"), "nosniff");
  assert.equal(json.headers.get("referrer-policy"), "strict-origin-when-cross-origin");
  assert.equal(json.headers.get("x-frame-options"), "DENY");
  assert.equal(json.headers.get("strict-transport-security"), null);
  const page = await app(false).request("/page");
  const csp = page.headers.get("content-security-policy") ?? "";
  assert.match(csp, /script-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.ok(!csp.includes("unsafe-inline"));
  const own = await app(false).request("/own");
  assert.equal(own.headers.get("content-security-policy"), "default-src 'self'", "kept");
});

Deno.test("securityHeaders() - HSTS in production", async () => {
  const res = await app(true).request("/json");
  assert.equal(res.headers.get("strict-transport-security"), "max-age=63072000; includeSubDomains");
});

Deno.test("buildCsp() - adds script hashes, never unsafe-inline scripts", () => {
  const csp = buildCsp({ scriptHashes: ["sha256-AAAA="], inlineStyles: true });
  assert.match(csp, /script-src 'self' 'sha256-AAAA='/);
  assert.match(csp, /style-src 'self' 'unsafe-inline'/);
  assert.ok(!/script-src[^;]*unsafe-inline/.test(csp));
});
