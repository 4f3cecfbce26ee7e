import assert from "node:assert/strict";
import { fieldsOf, parseGridValues, readParams } from "./schema_form.ts";

// The schema core sends for the Bollinger strategy (GET /api/strategies).
const BOLLINGER = {
  type: "object",
  properties: {
    period: {
      default: 20,
      description: "moving-average window",
      type: "integer",
      minimum: 5,
      maximum: 100,
    },
    k: { default: 2, description: "band width", type: "number", minimum: 0.5, maximum: 4 },
    mode: { default: "reversion", type: "string", enum: ["breakout", "reversion"] },
  },
};

Deno.test("fieldsOf() - integer, number and enum fields with bounds, defaults and help", () => {
  const f = fieldsOf(BOLLINGER);
  assert.deepEqual(f.map((x) => [x.name, x.kind, x.min, x.max, x.step, x.default]), [
    ["period", "integer", 5, 100, "1", 20],
    ["k", "number", 0.5, 4, "any", 2],
    ["mode", "enum", undefined, undefined, "any", "reversion"],
  ]);
  assert.deepEqual(f[2]!.options, ["breakout", "reversion"]);
  assert.equal(f[0]!.description, "moving-average window");
});

Deno.test("readParams() - typed values, empty inputs left to defaults, bounds reported", () => {
  const f = fieldsOf(BOLLINGER);
  assert.deepEqual(readParams(f, { period: "30", k: "", mode: "breakout" }), {
    params: { period: 30, mode: "breakout" },
    problems: [],
  });
  assert.deepEqual(readParams(f, { period: "2.5", k: "9", mode: "" }).problems, [
    { name: "period", reason: "integer" },
    { name: "k", reason: "max" },
  ]);
  assert.deepEqual(readParams(f, { period: "abc" }).problems, [{ name: "period", reason: "nan" }]);
});

Deno.test("parseGridValues() - comma or space separated numbers, null on a non-number", () => {
  assert.deepEqual(parseGridValues("5, 10 20"), [5, 10, 20]);
  assert.equal(parseGridValues("5, x"), null);
  assert.equal(parseGridValues("  "), null);
});
