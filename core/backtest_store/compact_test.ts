import assert from "node:assert/strict";
import fc from "fast-check";
import { compactJson, expandJson } from "./compact.ts";

Deno.test("compactJson()/expandJson() - round-trip any JSON text exactly; plain rows read as is", async () => {
  await fc.assert(
    fc.asyncProperty(fc.json(), async (json) => {
      assert.equal(await expandJson(await compactJson(json)), json);
    }),
    { numRuns: 100, seed: 7 },
  );
  assert.equal(await expandJson('{"legacy":true}'), '{"legacy":true}');
  const big = JSON.stringify(
    Array.from({ length: 5000 }, (_, i) => ({ date: `2020-01-${i}`, equity: 1e5 + i * 1.37 })),
  );
  const stored = await compactJson(big);
  assert.ok(stored.length < big.length / 4, `${stored.length} vs ${big.length}`);
});
