// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { MAX_BODY_BYTES } from "../../app.ts";
import { accountsApp } from "../../auth/test_http.ts";

const CHUNK = 64 * 1024;

/** A JSON-ish body of `total` bytes produced on demand; `pulled()` says how much was read. */
function slowBody(total: number) {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(ctrl) {
      if (sent >= total) return ctrl.close();
      const n = Math.min(CHUNK, total - sent);
      ctrl.enqueue(new Uint8Array(n).fill(0x20));
      sent += n;
    },
  });
  return { stream, pulled: () => sent };
}

Deno.test("core - a body over 1 MiB is refused with 413 in the shared error shape, before it is parsed", async () => {
  const { app, deps } = await accountsApp();
  const big = JSON.stringify({ email: "a@example.com", password: "x".repeat(2 * MAX_BODY_BYTES) });
  const res = await app.request("/api/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json", "content-length": String(big.length) },
    body: big,
  });
  assert.equal(res.status, 413);
  const { error } = await res.json();
  assert.equal(error.code, "payload_too_large");
  assert.match(error.message, /1 MiB/);
  assert.ok(error.request_id);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  const users = await deps.db.query("SELECT id FROM users");
  assert.equal(users.length, 0);
  await deps.db.close();
});

Deno.test("core - a chunked body (no Content-Length) is cut off once it passes 1 MiB", async () => {
  const { app, deps } = await accountsApp();
  const body = slowBody(64 * MAX_BODY_BYTES);
  const res = await app.request("/api/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: body.stream,
    duplex: "half",
  } as RequestInit);
  assert.equal(res.status, 413);
  assert.equal((await res.json()).error.code, "payload_too_large");
  assert.ok(body.pulled() <= MAX_BODY_BYTES + 4 * CHUNK, `read ${body.pulled()} bytes, not 64 MiB`);
  await deps.db.close();
});
