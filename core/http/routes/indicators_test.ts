import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { indicatorCache, macd, rsi, sma, toJsonArray } from "../../indicators/mod.ts";
import { indicatorsRoutes } from "./indicators.ts";

const { app, deps } = await testCoreApp();
const aapl = await deps.series.get("AAPL");

async function get(path: string) {
  const res = await app.request(path);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

async function expect422(qs: string, field: string, pattern: RegExp, symbol = "AAPL") {
  const { status, body } = await get(`/api/symbols/${symbol}/indicators?${qs}`);
  assert.equal(status, 422, qs);
  assert.equal(body.error.code, "validation_error", qs);
  assert.equal(body.error.details[0].field, field, qs);
  assert.match(body.error.message, pattern, qs);
}

Deno.test("GET /api/symbols/:symbol/indicators - whole history, one array per output, null warm-up", async () => {
  const { status, text, body } = await get(
    "/api/symbols/aapl/indicators?names=rsi,macd,sma:50,bollinger:20:2",
  );
  assert.equal(status, 200);
  assert.equal(body.symbol, "AAPL");
  // lean/AAPL.csv: 5,849 daily bars, 1998-01-02 .. 2021-03-31
  assert.equal(body.dates.length, 5849);
  assert.deepEqual([body.from, body.to], ["1998-01-02", "2021-03-31"]);
  assert.deepEqual(Object.keys(body.series).sort(), [
    "histogram",
    "lower",
    "macd",
    "middle",
    "rsi",
    "signal",
    "sma_50",
    "upper",
  ]);
  assert.deepEqual(body.series.rsi, toJsonArray(rsi(aapl.close, 14)));
  assert.deepEqual(body.series.sma_50, toJsonArray(sma(aapl.close, 50)));
  assert.deepEqual(body.series.signal, toJsonArray(macd(aapl.close).signal));
  assert.equal(body.series.rsi[13], null);
  assert.equal(typeof body.series.rsi[14], "number");
  assert.deepEqual(body.indicators[0], { name: "rsi", params: { period: 14 }, outputs: ["rsi"] });
  assert.deepEqual(body.indicators[3], {
    name: "bollinger",
    params: { period: 20, k: 2 },
    outputs: ["upper", "middle", "lower"],
  });
  assert.doesNotMatch(text, /NaN|Infinity/);
});

Deno.test("GET /api/symbols/:symbol/indicators - a range is cut after computing on the whole history", async () => {
  const { status, body } = await get(
    "/api/symbols/AAPL/indicators?names=sma:200&from=2018-03-01&to=2018-03-09",
  );
  assert.equal(status, 200);
  assert.deepEqual(body.dates, [
    "2018-03-01",
    "2018-03-02",
    "2018-03-05",
    "2018-03-06",
    "2018-03-07",
    "2018-03-08",
    "2018-03-09",
  ]);
  const start = aapl.dates.indexOf("2018-03-01");
  const full = sma(aapl.close, 200);
  assert.deepEqual(body.series.sma_200, toJsonArray(full.subarray(start, start + 7)));
  assert.ok(body.series.sma_200.every((v: number | null) => typeof v === "number"));
});

Deno.test("GET /api/symbols/:symbol/indicators - parameters in keys keep two SMAs and MACDs apart", async () => {
  const { body } = await get(
    "/api/symbols/AAPL/indicators?names=sma,sma:50,ema:20,macd:5:35:5,macd,bb,kd,ma5,sma:20",
  );
  assert.deepEqual(Object.keys(body.series).sort(), [
    "d",
    "ema",
    "histogram",
    "histogram_5_35_5",
    "k",
    "lower",
    "ma5",
    "macd",
    "macd_5_35_5",
    "middle",
    "signal",
    "signal_5_35_5",
    "sma",
    "sma_50",
    "upper",
  ]);
  assert.equal(body.indicators.length, 8, "sma and sma:20 are the same indicator");
  assert.deepEqual(
    body.series.macd_5_35_5,
    toJsonArray(macd(aapl.close, { fast: 5, slow: 35, signal: 5 }).macd),
  );
});

Deno.test("GET /api/symbols/:symbol/indicators - rejects bad input with 422 naming the field", async () => {
  await expect422("names=rsi,foo", "names", /foo: Unknown indicator "foo"; accepted names: .*sma/);
  await expect422("names=sma:0", "names", /sma:0: .*period must be an integer from 1 to 500/);
  await expect422("names=sma:501", "names", /current value is 501/);
  await expect422("names=rsi:2.5", "names", /period must be an integer/);
  await expect422("names=macd:26:12", "names", /slow must be greater than fast/);
  await expect422(
    `names=${new Array(21).fill("rsi").join(",")}`,
    "names",
    /21 indicators; at most 20/,
  );
  await expect422("", "names", /names is required/);
  await expect422("names=,,", "names", /at least one indicator/);
  await expect422("names=rsi&from=2018-02-30", "from", /from/);
  await expect422("names=rsi&from=2018-05-02&to=2018-05-01", "from", /on or before/);
  await expect422(
    "names=rsi&from=2030-01-01",
    "from",
    /no bars in the requested range; AAPL has 5849 bars/,
  );
});

Deno.test("GET /api/symbols/:symbol/indicators - 422 when the range ends inside the warm-up", async () => {
  // AAPL starts 1998-01-02: by 1998-01-09 there are 6 bars, RSI(14) needs 15
  await expect422(
    "names=rsi&to=1998-01-09",
    "names",
    /rsi:14 needs at least 15 bars .* there are 6/,
  );
  // AMD has 147 bars: no SMA(200) value at all
  await expect422("names=sma:200", "names", /sma:200 needs at least 200 bars/, "AMD");
  // 1998-01-23 is AAPL's 15th bar: the first RSI(14) value
  const ok = await get("/api/symbols/AAPL/indicators?names=rsi&to=1998-01-23");
  assert.equal(ok.status, 200, "the range may start inside the warm-up (leading nulls)");
  assert.equal(ok.body.series.rsi[0], null);
  assert.equal(typeof ok.body.series.rsi.at(-1), "number");
});

Deno.test("GET /api/symbols/:symbol/indicators - unknown symbol is a 404", async () => {
  const { status, body } = await get("/api/symbols/ZZZZ/indicators?names=rsi");
  assert.equal(status, 404);
  assert.match(body.error.message, /ZZZZ/);
});

Deno.test("GET /api/symbols/:symbol/indicators - repeated requests are served from the cache", async () => {
  const cache = indicatorCache({ maxEntries: 8 });
  const sub = indicatorsRoutes.app({ ...deps, indicatorCache: cache });
  const first = await (await sub.request("/api/symbols/AAPL/indicators?names=rsi,atr")).json();
  const again =
    await (await sub.request("/api/symbols/AAPL/indicators?names=rsi,atr&from=2018-01-02")).json();
  assert.deepEqual([cache.length, cache.size, cache.hits, cache.misses], [2, 2 * 8 * 5849, 2, 2]);
  assert.deepEqual(again.series.rsi, first.series.rsi.slice(first.dates.indexOf("2018-01-02")));
});

Deno.test("GET /api/indicators - lists every indicator with parameters and outputs; documented", async () => {
  const { status, body } = await get("/api/indicators");
  assert.equal(status, 200);
  const macdInfo = body.indicators.find((i: { name: string }) => i.name === "macd");
  assert.deepEqual(macdInfo.outputs, ["macd", "signal", "histogram"]);
  assert.deepEqual(macdInfo.params[0], {
    name: "fast",
    default: 12,
    min: 1,
    max: 500,
    integer: true,
  });
  assert.equal(
    body.indicators.find((i: { name: string }) => i.name === "bollinger").aliases[0],
    "bb",
  );
  const doc = await (await app.request("/openapi.json")).json();
  assert.ok(doc.paths["/api/symbols/{symbol}/indicators"].get);
});
