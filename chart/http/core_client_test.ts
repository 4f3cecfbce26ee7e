import assert from "node:assert/strict";
import { NotFoundError, UpstreamError } from "@trading/shared/errors";
import { CoreClient } from "./core_client.ts";

function scripted(statuses: number[]) {
  const calls: string[] = [];
  const f = ((url: string) => {
    calls.push(url);
    const s = statuses.shift() ?? 200;
    return Promise.resolve(new Response(JSON.stringify({ s }), { status: s }));
  }) as unknown as typeof fetch;
  return { f, calls };
}

Deno.test("CoreClient.get() retries 5xx with backoff and returns the first good answer", async () => {
  const { f, calls } = scripted([503, 502, 200]);
  const c = new CoreClient({ baseUrl: "http://core", fetch: f, retries: 2, backoffMs: 1 });
  const a = await c.get("/x");
  assert.equal(a.status, 200);
  assert.equal(calls.length, 3);
});

Deno.test("CoreClient.get() gives up after the retries with a 502 UpstreamError", async () => {
  const { f, calls } = scripted([500, 500, 500, 500]);
  const c = new CoreClient({ baseUrl: "http://core", fetch: f, retries: 2, backoffMs: 1 });
  await assert.rejects(
    () => c.get("/x"),
    (e: unknown) => e instanceof UpstreamError && !e.timeout && /500/.test(e.message),
  );
  assert.equal(calls.length, 3);
});

Deno.test("CoreClient.getRequired() turns core's 404 into NotFoundError with core's message", async () => {
  const f = (() =>
    Promise.resolve(
      new Response(
        JSON.stringify({ error: { code: "not_found", message: "Unknown symbol ZZZZ" } }),
        { status: 404 },
      ),
    )) as unknown as typeof fetch;
  const c = new CoreClient({ baseUrl: "http://core", fetch: f });
  await assert.rejects(
    () => c.getRequired("/x"),
    (e: unknown) => e instanceof NotFoundError && e.message === "Unknown symbol ZZZZ",
  );
});

Deno.test("CoreClient.getOptional() reports a failure instead of throwing", async () => {
  const { f } = scripted([404]);
  const c = new CoreClient({ baseUrl: "http://core", fetch: f });
  assert.deepEqual(await c.getOptional("/x"), { ok: false, reason: "core answered 404" });
});
