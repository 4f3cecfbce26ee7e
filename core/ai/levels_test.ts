import assert from "node:assert/strict";
import type { AnalystOutput } from "@trading/shared/schemas";
import { levelProblems } from "./levels.ts";

const base: AnalystOutput = {
  stance: "BUY",
  confidence: 0.6,
  horizon_days: 20,
  entry: 100,
  target: 110,
  stop: 95,
  summary: "s",
  reasons: [{ text: "t", fact_ids: [] }],
  risks: ["r"],
  invalidation: "i",
};

Deno.test("levelProblems() - accepts ordered levels near the price", () => {
  assert.deepEqual(levelProblems(base, 101), []);
  assert.deepEqual(levelProblems({ ...base, stance: "SELL", target: 90, stop: 104 }, 100), []);
  assert.deepEqual(levelProblems({ ...base, stance: "HOLD" }, 100), []);
});

Deno.test("levelProblems() - rejects non-positive, far-away and mis-ordered levels", () => {
  assert.match(levelProblems({ ...base, stop: -5 }, 100)[0]!, /stop must be a positive price/);
  assert.match(levelProblems({ ...base, target: 0 }, 100)[0]!, /target must be a positive/);
  assert.match(levelProblems({ ...base, target: 400 }, 100)[0]!, /target 400 is more than 50%/);
  assert.match(levelProblems({ ...base, entry: 120, target: 130 }, 100)[0]!, /entry 120/);
  assert.match(levelProblems({ ...base, target: 97 }, 100)[0]!, /BUY needs stop < entry < target/);
  assert.match(
    levelProblems({ ...base, stance: "SELL" }, 100)[0]!,
    /SELL needs target < entry < stop/,
  );
  assert.match(levelProblems({ ...base, entry: NaN }, 100)[0]!, /entry must be a positive price/);
});
