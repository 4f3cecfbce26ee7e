import assert from "node:assert/strict";
import { epochDay, monthKey, periodKeys, weekKey } from "./period.ts";

Deno.test("epochDay - equals Date.UTC's day count on every day of 1900–2100", () => {
  for (let t = Date.UTC(1900, 0, 1); t <= Date.UTC(2100, 11, 31); t += 86_400_000) {
    const date = new Date(t).toISOString().slice(0, 10);
    assert.equal(epochDay(date), t / 86_400_000, date);
  }
});

Deno.test("weekKey - Monday to Sunday share a key; the next Monday is the next key", () => {
  assert.equal(weekKey("2024-12-30"), weekKey("2025-01-05")); // a week across the year end
  assert.equal(weekKey("2025-01-06"), weekKey("2025-01-05") + 1);
  assert.notEqual(weekKey("2024-12-29"), weekKey("2024-12-30")); // Sunday, then Monday
});

Deno.test("monthKey - consecutive months differ by one, across a year end", () => {
  assert.equal(monthKey("2024-12-31") + 1, monthKey("2025-01-01"));
  assert.equal(monthKey("2024-02-01"), monthKey("2024-02-29"));
});

Deno.test("periodKeys - equals weekKey and monthKey date by date, and counts the periods", () => {
  const dates: string[] = [];
  for (let t = Date.UTC(1999, 0, 1); t <= Date.UTC(2001, 2, 1); t += 86_400_000 * 2) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  for (const [interval, key] of [["1w", weekKey], ["1mo", monthKey]] as const) {
    const out = new Int32Array(dates.length);
    const periods = periodKeys(dates, interval, out);
    assert.deepEqual([...out], dates.map(key));
    assert.equal(periods, new Set(dates.map(key)).size);
  }
});
