import assert from "node:assert/strict";
import {
  DEFAULT_TOGGLES,
  parseToggles,
  pickPatterns,
  signalMarkers,
  signalsByDate,
  togglesQuery,
} from "./overlay_plan.ts";

const p = (kind: string, endDate: string, confirmed: boolean, direction = "bullish") => ({
  kind,
  direction,
  endDate,
  confirmed,
  target: 100,
});

Deno.test("pickPatterns() - by default only the most recent confirmed pattern is drawn", () => {
  const ten = Array.from(
    { length: 10 },
    (_, i) => p(`k${i}`, `2018-0${(i % 9) + 1}-01`, i !== 8, i % 2 ? "bearish" : "bullish"),
  );
  assert.equal(pickPatterns(ten, "all").length, 10);
  const latest = pickPatterns(ten, DEFAULT_TOGGLES.patterns);
  assert.deepEqual(latest.map((x) => x.kind), ["k7"]); // k8 (September) is not confirmed
  assert.deepEqual(pickPatterns([p("a", "2018-01-01", false)], "latest").map((x) => x.kind), [
    "a",
  ]);
  assert.deepEqual(pickPatterns(ten, "off"), []);
});

Deno.test("signalMarkers() - small shapes without text, one per day and side, sorted", () => {
  const signals = [
    { date: "2018-05-10", type: "buy" as const, name: "Golden cross 20/50" },
    { date: "2018-05-09", type: "sell" as const, name: "Close below MA5" },
    { date: "2018-05-10", type: "buy" as const, name: "MACD crosses up" },
  ];
  const m = signalMarkers(signals, { up: "u", down: "d" });
  assert.equal(m.length, 2);
  assert.deepEqual(m.map((x) => x.time), ["2018-05-09", "2018-05-10"]);
  for (const x of m) {
    assert.equal("text" in x, false);
    assert.ok(x.size < 1);
  }
  assert.equal(signalsByDate(signals).get("2018-05-10")?.length, 2);
});

Deno.test("parseToggles()/togglesQuery() - the URL keeps the overlay choice", () => {
  assert.deepEqual(parseToggles(""), DEFAULT_TOGGLES);
  for (
    const t of [
      DEFAULT_TOGGLES,
      { patterns: "all" as const, signals: false, levels: true },
      { patterns: "off" as const, signals: false, levels: false },
    ]
  ) {
    assert.deepEqual(parseToggles(`?overlays=${togglesQuery(t)}`), t);
  }
});
