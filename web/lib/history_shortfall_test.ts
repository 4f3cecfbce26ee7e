import assert from "node:assert/strict";
import { historyShortfall } from "./history_shortfall.ts";

Deno.test("historyShortfall() - the most bars any indicator needs, and the bars stored", () => {
  const msg = "Invalid query: sma:20 needs at least 20 bars of history up to the end of the " +
    "range (its warm-up) but there are 13 up to 2020-12-31; 2330.TW has 13 bars. Use a later " +
    "range or a shorter period.; sma:50 needs at least 50 bars of history up to the end of the " +
    "range (its warm-up) but there are 13 up to 2020-12-31";
  assert.deepEqual(historyShortfall(msg), { needs: 50, have: 13 });
  assert.equal(historyShortfall("Unknown indicator: foo"), null);
  assert.equal(historyShortfall(null), null);
});
