import assert from "node:assert/strict";
import { CircuitBreaker } from "./circuit_breaker.ts";

Deno.test("CircuitBreaker - opens after the threshold, lets one trial through after the reset, closes on success", () => {
  let now = 0;
  const b = new CircuitBreaker({ failureThreshold: 3, resetMs: 1000, now: () => now });
  b.failure();
  b.failure();
  assert.equal(b.state, "closed");
  b.failure();
  assert.equal(b.state, "open");
  assert.equal(b.allow(), false);
  assert.equal(b.retryAfterMs(), 1000);
  now = 1000;
  assert.equal(b.state, "half-open");
  assert.equal(b.allow(), true);
  assert.equal(b.allow(), false, "only one trial at a time");
  b.failure();
  assert.equal(b.state, "open", "a failed trial reopens");
  now = 2000;
  assert.equal(b.allow(), true);
  b.success();
  assert.equal(b.state, "closed");
});
