import assert from "node:assert/strict";
import { barsPerYear } from "./bars_per_year.ts";

Deno.test("barsPerYear - daily 252, weekly 52, monthly 12, intraday per 390-minute session", () => {
  assert.deepEqual(
    (["1d", "1w", "1mo", "1m", "5m", "1h"] as const).map((i) => barsPerYear(i)),
    [252, 52, 12, 252 * 390, 252 * 78, 252 * 7],
  );
  assert.equal(barsPerYear("1h", { sessionMinutes: 270 }), 252 * 5); // Taiwan 09:00–13:30
});
