/**
 * Inputs that break naive parsers and renderers, and a fast-check arbitrary mixing them with
 * random unicode, for the fuzz suites.
 *
 * @module
 */
import fc from "fast-check";

/** Hand-picked hostile strings: types, numbers, dates, traversal, injection, unicode. */
export const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e309",
  "-1",
  "0",
  "99999999999999999999999",
  "0x10",
  "1.5",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "2018-02-30",
  "2018-13-01",
  "0000-00-00",
  "9999-12-31",
  "2018-05-11T25:61:00Z",
  "../../../../etc/passwd",
  ".",
  "..",
  "...",
  "A..",
  "%2e%2e",
  "%2E%2E%2Fmetrics",
  ".%2e/metrics",
  "..\\metrics",
  "..%2f..%2fetc%2fpasswd",
  "/dev/zero",
  "C:\\Windows\\system32",
  "' OR '1'='1",
  "1; DROP TABLE candles; --",
  '" OR ""="',
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}",
  "${7*7}",
  "%00",
  "\u0000",
  "\u202e\u0041\u0042",
  "台積電",
  "🚀📉",
  "Ａ".repeat(3),
  "a".repeat(5000),
  "AAPL",
  "aapl",
  "SPX",
  "2330.TW",
];

/** A string: one of {@link NASTY_STRINGS}, random unicode, or random ASCII. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
);
