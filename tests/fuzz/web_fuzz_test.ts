/**
 * Web pages never reflect input unescaped: every page (and unknown paths) is requested with
 * hostile path segments and query values while web talks to a real in-process core (whose
 * error messages echo the symbol), and the HTML must not contain any payload verbatim, nor a
 * 5xx or a stack trace.
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
import { nastyString } from "./nasty.ts";

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

globalThis.addEventListener("unload", () => {
  // deno-lint-ignore no-console
  console.log(`web fuzz: ${tried} page requests (seed ${SEED})`);
  deps.db.close();
});
