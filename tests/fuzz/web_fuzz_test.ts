/**
 * Web pages never reflect input unescaped: every page (and unknown paths) is requested with
 * hostile path segments and query values while web talks to a real in-process core (whose
 * error messages echo the symbol), and the HTML must not contain any payload verbatim, nor a
 * 5xx or a stack trace. Web's forwarders (`/api/*`, `/charts/*`) get dot segments and encoded
 * traversal sent raw over TCP (as `curl --path-as-is` does): no upstream may receive a path
 * outside the route's allow-listed prefix.
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp } from "../../web/app.ts";
import { PAGES } from "../../web/routes/mod.ts";
import { testCoreApp } from "../helpers/core_app.ts";
import { rawRequest } from "../helpers/raw_http.ts";
import { NASTY_STRINGS, nastyString } from "./nasty.ts";

const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 20261125);
const RUNS = Number(Deno.env.get("FUZZ_RUNS") ?? 25);

/** Payloads that execute when reflected raw into HTML or an attribute. */
const PAYLOADS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "'><svg onload=alert(1)>",
  "</title><script>alert(1)</script>",
];

const { app: core, deps } = await testCoreApp();
const coreFetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const req = new Request(input, init);
  const u = new URL(req.url);
  return Promise.resolve(core.request(u.pathname + u.search, req));
}) as typeof fetch;
const web = createWebApp({
  config: loadConfig(WebEnvSchema, { CORE_SERVICE_URL: "http://core.test:1" }),
  logger: createLogger({ service: "test", level: "error", write: () => {} }),
  fetch: coreFetch,
});

let tried = 0;
Deno.test({
  name: "fuzz - web pages never reflect unescaped input, never 5xx",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const paths = [...PAGES.map((p) => p.path), "/no/such/:page"];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...paths),
        fc.constantFrom(...PAYLOADS),
        nastyString,
        fc.constantFrom("lang", "theme", "symbol", "from", "to", "strategy", "q", "next"),
        async (path, payload, noise, key) => {
          const value = fc.sample(fc.constantFrom(payload, noise + payload), {
            numRuns: 1,
            seed: tried,
          })[0]!;
          const url = path.replace(/:\w+/g, encodeURIComponent(value)) +
            `?${key}=${encodeURIComponent(value)}`;
          tried++;
          const res = await web.request(url);
          const text = await res.text();
          const where = `${url} → ${res.status}`;
          assert.ok(res.status < 500 || res.status === 503, `5xx: ${where} ${text.slice(0, 200)}`);
          assert.doesNotMatch(text, /\n\s+at\s|file:\/\/\//, `stack trace: ${where}`);
          for (const p of PAYLOADS) {
            assert.ok(!text.includes(p), `payload reflected raw: ${where}: ${p}`);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS * 8 },
    );
  },
});

/** Pieces of a path that a URL parser, or an upstream decoding once or twice, may resolve. */
const TRAVERSAL_PARTS = [
  "..",
  ".",
  "%2e%2e",
  "%2E%2E",
  ".%2e",
  "%2e.",
  "%2e",
  "%252e%252e",
  "%25252e%25252e",
  "..%2f",
  "..%2F..%2F",
  "%2f",
  "%5c",
  "..\\",
  "\\..",
  "%252f",
  "..%252f",
  "metrics",
  "health",
  "AAPL.svg",
  "me",
  ...NASTY_STRINGS.filter((s) => /^[\x21-\x7e]+$/.test(s) && !/[?#]/.test(s)).slice(0, 40),
];

let proxied = 0;
Deno.test({
  name:
    "fuzz - web's /api/* and /charts/* never forward outside their prefix (dot segments, encoded traversal)",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const seen: { upstream: string; path: string }[] = [];
    const upstream = (name: string) =>
      Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
        seen.push({ upstream: name, path: req.url.replace(/^https?:\/\/[^/]+/, "") });
        return Response.json({ ok: true });
      });
    const coreUp = upstream("core");
    const chartUp = upstream("chart");
    const proxy = createWebApp({
      config: loadConfig(WebEnvSchema, {
        CORE_SERVICE_URL: `http://127.0.0.1:${coreUp.addr.port}`,
        CHART_SERVICE_URL: `http://127.0.0.1:${chartUp.addr.port}`,
      }),
      logger: createLogger({ service: "test", level: "error", write: () => {} }),
      fetch,
    });
    const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, proxy.fetch);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom("/api/", "/charts/"),
          fc.array(fc.constantFrom(...TRAVERSAL_PARTS), { minLength: 1, maxLength: 5 }),
          fc.constantFrom("/", "\\", "%2f"),
          async (prefix, parts, sep) => {
            const target = prefix + parts.join(sep);
            seen.length = 0;
            proxied++;
            const res = await rawRequest(server.addr.port, target);
            assert.ok(res.status !== 0 && res.status < 500, `${target} → ${res.status}`);
            const allowed = prefix === "/api/" ? "core" : "chart";
            for (const s of seen) {
              assert.equal(s.upstream, allowed, `${target} reached ${s.upstream} ${s.path}`);
              assert.ok(s.path.startsWith(prefix), `${target} reached ${s.upstream} ${s.path}`);
              const segments = s.path.split("?")[0]!.split("/");
              assert.ok(
                !segments.some((x) => /^(\.|%2e){1,2}$/i.test(x)),
                `${target} forwarded a dot segment: ${s.path}`,
              );
            }
          },
        ),
        { seed: SEED, numRuns: RUNS * 8 },
      );
    } finally {
      await Promise.all([server.shutdown(), coreUp.shutdown(), chartUp.shutdown()]);
    }
  },
});

globalThis.addEventListener("unload", () => {
  // deno-lint-ignore no-console
  console.log(`web fuzz: ${tried} page requests, ${proxied} raw proxy paths (seed ${SEED})`);
  deps.db.close();
});
