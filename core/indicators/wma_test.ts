import assert from "node:assert/strict";
import { assertSeriesClose } from "./_testing.ts";
import { wma, wmaInto, wmaWarmup } from "./wma.ts";

Deno.test("wma() weights 1..period from oldest to newest", () => {
  // (1·1 + 2·2 + 3·3)/6, (1·2 + 2·3 + 3·4)/6, (1·3 + 2·4 + 3·5)/6
  assertSeriesClose(
    wma(Float64Array.of(1, 2, 3, 4, 5), 3),
    [null, null, 14 / 6, 20 / 6, 26 / 6],
    1e-12,
  );
  assertSeriesClose(wma(Float64Array.of(5, 1, 9), 2), [null, 7 / 3, 19 / 3], 1e-12);
  assert.equal(wmaWarmup(3), 2);
});

Deno.test("wma() equals a direct weighted sum over a longer irregular series", () => {
  const x = Float64Array.of(3, 7, 1, 8, 2, 9, 4, 6, 5, 10, 0.5, 12);
  const p = 4;
  const expected = [...x].map((_, i) => {
    if (i < p - 1) return null;
    let num = 0;
    for (let j = 0; j < p; j++) num += (j + 1) * x[i - p + 1 + j]!;
    return num / (p * (p + 1) / 2);
  });
  assertSeriesClose(wma(x, p), expected, 1e-12);
  const out = new Float64Array(x.length);
  assert.deepEqual(wmaInto(out, x, p), wma(x, p));
  assert.throws(() => wma(x, 0), /Cannot compute WMA: period must be a positive integer/);
});
