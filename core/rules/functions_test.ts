import assert from "node:assert/strict";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { generateSignals } from "../signals/mod.ts";
import { compileRule } from "./compile.ts";
import { ruleFunctions, SIGNAL_NAMES } from "./functions.ts";

Deno.test("ruleFunctions() - every entry's example compiles, and names are unique", () => {
  const all = ruleFunctions();
  assert.equal(new Set(all.map((f) => f.name)).size, all.length);
  for (const f of all) {
    const rule = compileRule(f.example);
    assert.ok(rule.kind === "condition" || rule.kind === "series", f.name);
    assert.ok(f.description.length > 5);
  }
  const rsi = all.find((f) => f.name === "rsi")!;
  assert.deepEqual(rsi.params.map((p) => p.name), ["source", "period"]);
  assert.equal(rsi.params[1]!.max, 500);
  assert.deepEqual(all.find((f) => f.name === "macd")!.outputs, ["macd", "signal", "histogram"]);
});

Deno.test("SIGNAL_NAMES - lists every signal core/signals gives on real bars", async () => {
  const text = await Deno.readTextFile(new URL("../data/market/extra/SPX.csv", import.meta.url));
  const seen = new Set(
    generateSignals(seriesFromBars("SPX", parseOhlcvCsv(text).bars)).map((s) => s.name),
  );
  for (const name of seen) assert.ok(SIGNAL_NAMES.includes(name), name);
  assert.ok(seen.size >= 10);
});
