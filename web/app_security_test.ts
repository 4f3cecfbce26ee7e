import assert from "node:assert/strict";
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp, MAX_API_BODY_BYTES } from "./app.ts";

const config = loadConfig(WebEnvSchema, { CORE_SERVICE_URL: "http://core.test:1" });
const logger = createLogger({ service: "test", level: "error", write: () => {} });
const anonymousCore = ((input: RequestInfo | URL, init?: RequestInit) => {
  const path = new URL(new Request(input, init).url).pathname;
  if (path === "/api/auth/providers") {
    return Promise.resolve(Response.json({ password: true, google: false }));
  }
  return Promise.resolve(
    Response.json({ error: { code: "unauthorized", message: "no" } }, { status: 401 }),
  );
}) as typeof fetch;

Deno.test("GET /prefs/:kind/:value - next may not leave the site (tab, CR/LF, NUL, backslash), never a 500", async () => {
  const app = createWebApp({ config, logger, fetch: anonymousCore });
  const location = async (next: string) => {
    const r = await app.request(`/prefs/lang/en?next=${next}`);
    assert.equal(r.status, 303, next);
    return r.headers.get("location");
  };
  assert.equal(await location("/%09/evil.example"), "/", "browsers drop the tab: //evil.example");
  assert.equal(await location("/%0d%0aX-Evil:1"), "/", "was a 500");
  assert.equal(await location("/%00"), "/");
  assert.equal(await location("/%5C%5Cevil.example"), "/");
  assert.equal(await location("%2F%2Fevil.example"), "/");
  assert.equal(await location("https://evil.example"), "/");
  assert.equal(await location("/symbol/%E5%8F%B0?range=1y"), "/symbol/%E5%8F%B0?range=1y");
  assert.equal(
    await location("/symbol/台"),
    "/symbol/%E5%8F%B0",
    "non-ASCII is encoded, not a 500",
  );
});

Deno.test("GET /account?next= - the sign-in island only ever gets a path on this site", async () => {
  const app = createWebApp({ config, logger, fetch: anonymousCore });
  const nextProp = async (next: string) => {
    const html = await (await app.request(`/account?next=${next}`)).text();
    return html.match(/&quot;next&quot;:&quot;(.*?)&quot;/)?.[1];
  };
  assert.equal(await nextProp("%2Fpaper"), "/paper");
  assert.equal(await nextProp("/%09/evil.example"), "/account");
  assert.equal(await nextProp("/%0d%0aX-Evil:1"), "/account");
  assert.equal(await nextProp("/%5Cevil.example"), "/account");
});

/** A stub core that records the `X-Forwarded-For` of each request it gets. */
function recordingCore() {
  const seen: (string | null)[] = [];
  const f = (input: RequestInfo | URL, init?: RequestInit) => {
    seen.push(new Request(input, init).headers.get("x-forwarded-for"));
    return Promise.resolve(Response.json({ ok: true }));
  };
  return { fetch: f as typeof fetch, seen };
}

/** What `Deno.serve` hands the handler as its second argument (Hono's `c.env`). */
const connInfo = (hostname: string) => ({
  remoteAddr: { hostname, port: 50000, transport: "tcp" },
});

Deno.test("/api/* and /charts/* - web appends its caller's address to X-Forwarded-For, after anything the caller sent", async () => {
  const core = recordingCore();
  const app = createWebApp({ config, logger, fetch: core.fetch });
  await app.request("/api/auth/login", { method: "POST", body: "{}" }, connInfo("203.0.113.7"));
  await app.request("/api/me", {
    headers: { "x-forwarded-for": "6.6.6.6, 7.7.7.7" },
  }, connInfo("198.51.100.20"));
  await app.request("/charts/AAPL.png", {}, connInfo("2001:db8::1"));
  await app.request("/api/me");
  assert.deepEqual(core.seen, [
    "203.0.113.7",
    "6.6.6.6, 7.7.7.7, 198.51.100.20",
    "2001:db8::1",
    "unknown",
  ]);
});

Deno.test("/api/* - a body over 1 MiB is refused by web with 413 JSON, core never sees it", async () => {
  const core = recordingCore();
  const app = createWebApp({ config, logger, fetch: core.fetch });
  const big = "x".repeat(MAX_API_BODY_BYTES + 1);
  const sized = await app.request("/api/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(big.length) },
    body: big,
  });
  assert.equal(sized.status, 413);
  assert.equal((await sized.json()).error.code, "payload_too_large");
  const chunked = await app.request("/api/auth/register", {
    method: "POST",
    body: new Blob([big]).stream(),
    duplex: "half",
  } as RequestInit);
  assert.equal(chunked.status, 413);
  assert.equal(core.seen.length, 0);
});

Deno.test("/api/* - a body with Content-Length is streamed to core, not buffered first", async () => {
  let coreGotRequest!: () => void;
  const called = new Promise<void>((r) => coreGotRequest = r);
  const core = (async (input: RequestInfo | URL, init?: RequestInit) => {
    coreGotRequest();
    return Response.json({ body: await new Request(input, init).text() });
  }) as typeof fetch;
  const app = createWebApp({ config, logger, fetch: core });
  const enc = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const body = new ReadableStream<Uint8Array>({
    async start(ctrl) {
      ctrl.enqueue(enc.encode('{"part":1,'));
      // The rest is sent only once core has the request: a buffering forwarder would wait
      // for the end of the body first and never get there.
      const late = new Promise<"late">((r) => timer = setTimeout(() => r("late"), 2000));
      const first = await Promise.race([called, late]);
      clearTimeout(timer);
      if (first === "late") return ctrl.error(new Error("core was not called before the end"));
      ctrl.enqueue(enc.encode('"part2":2}'));
      ctrl.close();
    },
  });
  const res = await app.request("/api/x", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": "20" },
    body,
    duplex: "half",
  } as RequestInit);
  assert.equal(res.status, 200);
  assert.equal((await res.json()).body, '{"part":1,"part2":2}');
});

Deno.test("POST /signout - the browser's Origin reaches core's cross-site guard; a refusal clears nothing", async () => {
  // a stub core that refuses a logout whose Origin is not the site's own, as core's guard does
  const seen: (string | null)[] = [];
  const core = ((input: RequestInfo | URL, init?: RequestInit) => {
    const req = new Request(input, init);
    seen.push(req.headers.get("origin"));
    if (req.headers.get("origin") !== "http://localhost") {
      return Promise.resolve(
        Response.json({ error: { code: "forbidden", message: "cross-site" } }, { status: 403 }),
      );
    }
    return Promise.resolve(
      new Response(null, { status: 204, headers: { "set-cookie": "session=; Max-Age=0" } }),
    );
  }) as typeof fetch;
  const app = createWebApp({ config, logger, fetch: core });
  const post = (origin: string) =>
    app.request("/signout", {
      method: "POST",
      headers: { origin, cookie: "session=abc" },
    });
  const forged = await post("https://evil.example");
  assert.equal(forged.status, 403);
  assert.equal(forged.headers.get("set-cookie"), null, "no cookie cleared by a forged post");
  const own = await post("http://localhost");
  assert.equal(own.status, 303);
  assert.equal(own.headers.get("location"), "/");
  assert.match(own.headers.get("set-cookie") ?? "", /session=;/);
  assert.deepEqual(seen, ["https://evil.example", "http://localhost"]);
});
