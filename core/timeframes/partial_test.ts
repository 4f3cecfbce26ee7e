import assert from "node:assert/strict";
import { periodEnded } from "./partial.ts";

Deno.test("periodEnded - a Friday ends its week; a Thursday before a trading Friday does not", () => {
  assert.equal(periodEnded("US", "1w", "2020-04-17"), true);
  assert.equal(periodEnded("US", "1w", "2020-04-16"), false);
});

Deno.test("periodEnded - holidays: Thursday before Good Friday ends the week; Wednesday before Thanksgiving does not", () => {
  assert.equal(periodEnded("US", "1w", "2024-03-28"), true);
  assert.equal(periodEnded("US", "1w", "2024-11-27"), false); // Friday 11-29 trades
});

Deno.test("periodEnded - months: the last trading day ends the month; the day before does not", () => {
  assert.equal(periodEnded("US", "1mo", "2024-08-30"), true); // Sat 31st
  assert.equal(periodEnded("US", "1mo", "2024-08-29"), false);
  assert.equal(periodEnded("US", "1mo", "2020-04-17"), false);
});

Deno.test("periodEnded - Taiwan's calendar: the trading day before Lunar New Year ends the week", () => {
  // TWSE closed 2024-02-06 … 2024-02-14 (Lunar New Year): Monday the 5th ended its week
  assert.equal(periodEnded("TW", "1w", "2024-02-05"), true);
  assert.equal(periodEnded("TW", "1w", "2024-01-30"), false);
});
