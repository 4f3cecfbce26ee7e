import assert from "node:assert/strict";
import { parseOhlcvCsv } from "./csv.ts";

const H = "date,open,high,low,close,volume";

Deno.test("parseOhlcvCsv() - reads valid rows with columns in any order", () => {
  const r = parseOhlcvCsv(
    "close,date,volume,open,high,low,adj\n1.5,2017-06-01,100,1,2,0.5,9\n1.6,2017-06-02,0,1.5,1.7,1.4,9\n",
  );
  assert.deepEqual(r.rejected, []);
  assert.deepEqual(r.bars[0], {
    date: "2017-06-01",
    open: 1,
    high: 2,
    low: 0.5,
    close: 1.5,
    volume: 100,
  });
  assert.equal(r.bars.length, 2);
});

Deno.test("parseOhlcvCsv() - rejects each invalid row with its line number", () => {
  const text = [
    H,
    "2017-06-01,1,2,0.5,1.5,100", // ok (line 2)
    "2017-06-01,1,2,0.5,1.5,100", // duplicate (3)
    "2017-05-31,1,2,0.5,1.5,100", // descending (4)
    "2017-06-31,1,2,0.5,1.5,100", // not a real date (5)
    "2017-06-05,1,1.2,0.5,1.5,100", // high < close (6)
    "2017-06-06,1,2,1.2,1.5,100", // low > open (7)
    "2017-06-07,1,2,0.5,1.5,-1", // negative volume (8)
    "2017-06-08,1,2,0.5,NaN,1", // not finite (9)
    "2017-06-09,1,2,0.5,1.5,", // missing volume (10)
  ].join("\n");
  const r = parseOhlcvCsv(text);
  assert.equal(r.bars.length, 1);
  assert.deepEqual(r.rejected.map((x) => x.line), [3, 4, 5, 6, 7, 8, 9, 10]);
  assert.match(r.rejected[0]!.reason, /duplicated/);
  assert.match(r.rejected[1]!.reason, /ascend/);
  assert.match(r.rejected[3]!.reason, /high/);
});

Deno.test("parseOhlcvCsv() - refuses a header without the required columns", () => {
  const r = parseOhlcvCsv("date,price\n2017-06-01,1\n");
  assert.equal(r.bars.length, 0);
  assert.match(r.rejected[0]!.reason, /open, high, low, close, volume/);
});

Deno.test("parseOhlcvCsv() - the bundled dataset is valid as shipped", async () => {
  const dir = new URL("../data/market/", import.meta.url);
  for await (const f of Deno.readDir(dir)) {
    if (!f.name.endsWith(".csv")) continue;
    const r = parseOhlcvCsv(await Deno.readTextFile(new URL(f.name, dir)));
    assert.deepEqual(r.rejected, [], f.name);
    assert.ok(r.bars.length > 100, f.name);
  }
});

Deno.test("parseOhlcvCsv() - refuses non-decimal numbers (hex, binary, octal, Infinity, blanks)", () => {
  const rows = [
    "2017-06-01,0x10,0x20,0x08,0x10,100", // hex prices (line 2)
    "2017-06-02,1,2,0.5,1.5,0x10", // hex volume (3)
    "2017-06-03,0b1,2,0.5,1.5,100", // binary (4)
    "2017-06-04,0o7,8,0.5,1.5,100", // octal (5)
    "2017-06-05,1,Infinity,0.5,1.5,100", // Infinity (6)
    "2017-06-06,1,2,0.5,1.5, ", // blank volume (7)
    "2017-06-07,1_0,20,0.5,15,100", // separators (8)
    "2017-06-08,+1,2,.5,1.5e0,1e3", // decimal forms stay valid (9)
  ];
  const r = parseOhlcvCsv([H, ...rows].join("\n"));
  assert.deepEqual(r.rejected.map((x) => x.line), [2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(r.bars, [{
    date: "2017-06-08",
    open: 1,
    high: 2,
    low: 0.5,
    close: 1.5,
    volume: 1000,
  }]);
});
