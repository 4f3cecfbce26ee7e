/**
 * Property-based requests over every core route (walked from `app.routes`, so new routes join
 * automatically): path parameters, query parameters (the documented ones plus unknown ones)
 * and JSON bodies filled with wrong types, huge numbers, NaN strings, unicode, very long
 * strings, bad dates, path traversal and SQL/HTML injection — anonymous and signed in. Every
 * answer must be 2xx/4xx (5xx only 502–504 JSON from routes that call another service), JSON
 * (except the documented HTML/text/image/stream routes), and carry no stack trace.
 *
 * Seeded (FUZZ_SEED, default 20261125); FUZZ_RUNS per route and identity (default 25).
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { CORE_ROUTE_DOCS } from "../../core/app.ts";
import { STATE_CHANGING_GETS } from "../../core/http/route_access.ts";
import { testCoreApp } from "../helpers/core_app.ts";
import { NASTY_STRINGS, nastyString } from "./nasty.ts";

const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 20261125);
const RUNS = Number(Deno.env.get("FUZZ_RUNS") ?? 25);

/** Routes that call another service (chart) and may answer 502–504 JSON when it is down. */
const UPSTREAM = new Set(["/chart/:symbol"]);
/** Routes whose success is not JSON. */
const NON_JSON = /^(\/docs|\/metrics|\/chart\/:symbol|.*\/stream|.*\/events)$/;
const STACK = /\n\s+at\s|file:\/\/\/|\.ts:\d+:\d+|Error: [^"]*\n/;

const { app, deps } = await testCoreApp();
const register = await app.request("/api/auth/register", {
  method: "POST",
  headers: { "content-type": "application/json" },
  body: JSON.stringify({ email: "fuzz@example.com", password: "correct horse battery staple 9" }),
});
const cookie = register.headers.get("set-cookie")?.split(";")[0] ?? "";

interface Route {
  method: string;
  path: string;
  query: string[];
  body: string[];
}

function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape;
  return shape ? Object.keys(shape) : [];
}

const routes: Route[] = [];
const seen = new Set<string>();
for (const r of app.routes) {
  if (r.method === "ALL" || r.path.includes("*")) continue;
  const key = `${r.method} ${r.path}`;
  if (seen.has(key)) continue;
  seen.add(key);
  const doc = CORE_ROUTE_DOCS.find((d) =>
    d.method.toUpperCase() === r.method && d.path.replace(/\{(\w+)\}/g, ":$1") === r.path
  );
  routes.push({
    method: r.method,
    path: r.path,
    query: keysOf(doc?.query),
    body: keysOf(doc?.body),
  });
}

const jsonish: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0, null, true, false),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

function requestFor(route: Route) {
  const params = (route.path.match(/:\w+/g) ?? []).length;
  return fc.record({
    params: fc.array(nastyString, { minLength: params, maxLength: params }),
    query: fc.dictionary(
      fc.oneof(fc.constantFrom(...(route.query.length ? route.query : ["q"])), nastyString),
      nastyString,
      { maxKeys: 4 },
    ),
    body: fc.oneof(
      fc.dictionary(
        fc.oneof(fc.constantFrom(...(route.body.length ? route.body : ["x"])), nastyString),
        jsonish,
        { maxKeys: 6 },
      ),
      jsonish,
      fc.constantFrom("{", '{"a":', "[1,2", "\u0000", "null", "1e999"),
    ),
    signedIn: fc.boolean(),
    crossSite: fc.boolean(),
  });
}

function urlOf(route: Route, params: string[], query: Record<string, string>): string {
  let i = 0;
  const path = route.path.replace(/:\w+/g, () => encodeURIComponent(params[i++] ?? "x"));
  const qs = new URLSearchParams(query).toString();
  return qs ? `${path}?${qs}` : path;
}

let tried = 0;
const statuses = new Map<number, number>();
Deno.test({
  name: "fuzz - every core route answers 2xx/4xx JSON without a stack trace",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn(t) {
    assert.ok(cookie, "the fuzz user could sign up");
    assert.ok(routes.length >= 10, `only ${routes.length} routes found`);
    // The analyst's track record is computed once per data version (seconds of CPU on the
    // 1998–2021 histories, longer on a busy machine); compute it before the 15 s per-request
    // bound, which is about answers to hostile input, not that first computation.
    const warm = await app.request("/api/ai/track-record");
    assert.equal(warm.status, 200, await warm.text());
    for (const route of routes) {
      await t.step(`${route.method} ${route.path}`, async () => {
        await fc.assert(
          fc.asyncProperty(requestFor(route), async (req) => {
            const { params, query, body, signedIn, crossSite } = req;
            const url = urlOf(route, params, query);
            const headers: Record<string, string> = signedIn ? { cookie } : {};
            if (crossSite) headers["sec-fetch-site"] = "cross-site";
            let init: RequestInit = { method: route.method, headers };
            if (!["GET", "HEAD"].includes(route.method)) {
              headers["content-type"] = "application/json";
              init = { ...init, body: typeof body === "string" ? body : JSON.stringify(body) };
            }
            tried++;
            const res = await Promise.race([
              app.request(url, init),
              new Promise<never>((_, rej) =>
                setTimeout(() => rej(new Error(`timeout: ${route.method} ${url}`)), 15_000)
              ),
            ]);
            statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
            const type = res.headers.get("content-type") ?? "";
            if (type.includes("event-stream")) {
              await res.body?.cancel();
              return;
            }
            const text = await res.text();
            const where = `${route.method} ${url} → ${res.status} ${text.slice(0, 300)}`;
            const upstream = UPSTREAM.has(route.path) && res.status >= 502 && res.status <= 504;
            assert.ok(res.status < 500 || upstream, `5xx: ${where}`);
            const key = `${route.method} ${route.path}`;
            if (crossSite && (route.method !== "GET" || STATE_CHANGING_GETS.includes(key))) {
              // a dot segment may resolve the URL onto no route at all (404 "No route"): fine
              const unrouted = res.status === 404 && text.includes("No route for");
              assert.ok(res.status === 403 || unrouted, `cross-site change not refused: ${where}`);
            }
            assert.doesNotMatch(text, STACK, `stack trace leaked: ${where}`);
            if (!NON_JSON.test(route.path) || res.status >= 400) {
              assert.match(type, /application\/json/, `not JSON: ${where}`);
              JSON.parse(text);
            }
          }),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      });
    }
    await t.step(`known nasty inputs alone (${NASTY_STRINGS.length} strings)`, () => {
      assert.ok(tried > routes.length * RUNS * 0.9, `${tried} requests tried`);
    });
  },
});

globalThis.addEventListener("unload", () => {
  // deno-lint-ignore no-console
  console.log(
    `fuzz: ${tried} requests over ${routes.length} core routes (seed ${SEED}); statuses ${
      JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))
    }`,
  );
  deps.db.close();
});
