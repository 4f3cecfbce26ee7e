// Apps from testCoreApp() (tests/helpers/core_app.ts): postgres_suites_test.ts runs this file again on PostgreSQL.
import assert from "node:assert/strict";
import { ValidationError } from "@trading/shared/errors";
import { checkResolved, checkWebhookUrl, refusedAddress } from "./webhook_target.ts";
import { alertsApp, call } from "./test_kit.ts";

const strict = { allowPrivate: false };

Deno.test("checkWebhookUrl() - refuses other schemes, credentials and forbidden IP literals", () => {
  for (
    const url of [
      "ftp://example.com/x",
      "file:///etc/passwd",
      "javascript:alert(1)",
      "https://user:pw@example.com/",
      "http://127.0.0.1:8002/api",
      "http://10.0.0.1/",
      "http://169.254.169.254/latest/meta-data/",
      "http://[::1]/",
      "http://[::ffff:127.0.0.1]/",
      "http://0.0.0.0/",
      "http://192.168.1.1/",
      "http://[fd00::1]/",
      "http://2130706433/", // 127.0.0.1 as one number: the URL parser normalises it
      "not a url",
    ]
  ) {
    assert.throws(() => checkWebhookUrl(url, strict), ValidationError, url);
  }
  assert.equal(
    checkWebhookUrl("https://hooks.example.com/a?b=1", strict).hostname,
    "hooks.example.com",
  );
});

Deno.test("refusedAddress() - ALLOW_PRIVATE_WEBHOOKS admits loopback and private ranges, never link-local or metadata", () => {
  assert.equal(refusedAddress("127.0.0.1", true), null);
  assert.equal(refusedAddress("10.1.2.3", true), null);
  assert.notEqual(refusedAddress("169.254.169.254", true), null);
  assert.notEqual(refusedAddress("fe80::1", true), null);
  assert.notEqual(refusedAddress("224.0.0.1", true), null);
  assert.equal(refusedAddress("93.184.216.34", false), null);
});

Deno.test("checkResolved() - a name resolving to a private address (any of several) is refused", async () => {
  const url = new URL("https://rebind.example.com/hook");
  const resolve = (addrs: string[]) => () => Promise.resolve(addrs);
  await assert.rejects(
    checkResolved(url, { allowPrivate: false, resolve: resolve(["93.184.216.34", "10.0.0.1"]) }),
    /resolves to a private address 10\.0\.0\.1/,
  );
  await assert.rejects(
    checkResolved(url, { allowPrivate: false, resolve: resolve(["169.254.169.254"]) }),
    /linkLocal/,
  );
  await assert.rejects(
    checkResolved(url, {
      allowPrivate: false,
      resolve: () => Promise.reject(new Error("NXDOMAIN")),
    }),
    /does not resolve/,
  );
  assert.deepEqual(
    await checkResolved(url, { allowPrivate: false, resolve: resolve(["93.184.216.34"]) }),
    ["93.184.216.34"],
  );
  // localhost resolves (system resolver) to loopback
  await assert.rejects(
    checkResolved(new URL("http://localhost:9/"), { allowPrivate: false }),
    /loopback/,
  );
});

Deno.test("POST /api/notify/endpoints - 422 naming url for 127.0.0.1, 10.0.0.1, 169.254.169.254 and localhost by default", async () => {
  const { app, deps, cookie } = await alertsApp({ ALLOW_PRIVATE_WEBHOOKS: "false" });
  for (
    const url of [
      "http://127.0.0.1:9/x",
      "http://10.0.0.1/x",
      "http://169.254.169.254/x",
      "http://localhost:9/x",
      "gopher://example.com/",
    ]
  ) {
    const r = await call(app, cookie, "POST", "/api/notify/endpoints", { kind: "webhook", url });
    assert.equal(r.status, 422, url);
    assert.equal(r.body.error.details[0].field, "url", url);
  }
  await deps.db.close();
});
