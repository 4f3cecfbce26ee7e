import assert from "node:assert/strict";
import { RenderBusyError, RenderGate } from "./render_gate.ts";

Deno.test("RenderGate - runs 2 at once, queues 8, refuses the 11th, then serves the queue in order", async () => {
  const gate = new RenderGate({ concurrency: 2, queue: 8, retryAfterS: 3 });
  const release = Promise.withResolvers<void>();
  let active = 0;
  let peak = 0;
  const order: number[] = [];
  const job = (i: number) => async () => {
    active++;
    peak = Math.max(peak, active);
    await release.promise;
    active--;
    order.push(i);
    return i;
  };
  const accepted = Array.from({ length: 10 }, (_, i) => gate.run(job(i)));
  assert.equal(gate.running, 2);
  assert.equal(gate.queued, 8);
  await assert.rejects(gate.run(job(10)), (e) => {
    assert.ok(e instanceof RenderBusyError);
    assert.equal(e.code, "unavailable");
    assert.equal(e.retryAfterS, 3);
    return true;
  });
  release.resolve();
  assert.deepEqual(await Promise.all(accepted), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  assert.equal(peak, 2);
  assert.deepEqual([gate.running, gate.queued], [0, 0]);
  assert.equal(await gate.run(() => "free again"), "free again");
});

Deno.test("RenderGate - a failing render frees its slot", async () => {
  const gate = new RenderGate({ concurrency: 1, queue: 0 });
  await assert.rejects(gate.run(() => Promise.reject(new Error("boom"))), /boom/);
  await assert.rejects(
    gate.run(() => {
      throw new Error("sync boom");
    }),
    /sync boom/,
  );
  assert.equal(gate.running, 0);
  assert.equal(await gate.run(() => 7), 7);
  assert.throws(() => new RenderGate({ concurrency: 0 }), RangeError);
});
