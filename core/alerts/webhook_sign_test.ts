import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { newWebhookSecret, signedHeaders } from "./webhook_sign.ts";

Deno.test("signedHeaders() - matches the Standard Webhooks test vector", () => {
  const h = signedHeaders(
    ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"],
    "msg_p5jXN8AQM9LWM0D4loKWxJek",
    1614265330_000,
    '{"test": 2432232314}',
  );
  assert.equal(h["webhook-signature"], "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  assert.equal(h["webhook-timestamp"], "1614265330");
});

Deno.test("signedHeaders() - two secrets (rotation) give two signatures, each verifies; a changed body does not", () => {
  const [a, b] = [newWebhookSecret(), newWebhookSecret()];
  const body = JSON.stringify({ type: "alert.fired", data: { symbol: "AAPL" } });
  const h = signedHeaders([a, b], "msg_1", Date.now(), body);
  assert.equal(h["webhook-signature"].split(" ").length, 2);
  for (const s of [a, b]) new Webhook(s).verify(body, h);
  assert.throws(() => new Webhook(a).verify(body + " ", h));
});
