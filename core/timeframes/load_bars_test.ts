import assert from "node:assert/strict";
import { NotFoundError } from "@trading/shared/errors";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { availableIntervals, loadBars, timeframeCacheOf } from "./load_bars.ts";

Deno.test("loadBars - weekly bars are cached per data version and recomputed after an import", async () => {
  const { deps } = await testCoreApp();
  try {
    const cache = timeframeCacheOf(deps.series);
    const a = await loadBars(deps, "AAPL", "1w");
    const b = await loadBars(deps, "AAPL", "1w");
    assert.equal(b, a, "the second call is a hit");
    assert.equal(cache.computed, 1);
    const split = await loadBars(deps, "AAPL", "1w", "none");
    assert.notEqual(split, a, "another adjust mode is another entry");
    const last = a.dates.length - 1;
    const daily = await deps.series.get("AAPL");
    const lastDay = daily.dates.at(-1)!;
    const close = daily.close.at(-1)! + 1;
    await deps.market.importBars(
      { symbol: "AAPL", name: "Apple Inc.", market: "US", currency: "USD", source: "test" },
      [{
        date: lastDay,
        open: daily.open.at(-1)!,
        high: Math.max(daily.high.at(-1)!, close),
        low: daily.low.at(-1)!,
        close,
        volume: daily.volume.at(-1)!,
      }],
    );
    deps.series.invalidate();
    const after = await loadBars(deps, "AAPL", "1w");
    assert.notEqual(after, a);
    assert.equal(after.close[last], close, "the new data version's weekly close");
  } finally {
    await deps.db.close();
  }
});

Deno.test("loadBars - an intraday interval without an intraday store is a 404 naming symbol and interval", async () => {
  const { deps } = await testCoreApp();
  try {
    await assert.rejects(() => loadBars(deps, "AAPL", "5m"), (e: unknown) => {
      assert.ok(e instanceof NotFoundError);
      assert.match(e.message, /No intraday bars for AAPL at 5m/);
      return true;
    });
    await assert.rejects(() => loadBars(deps, "NOPE", "5m"), /Unknown symbol NOPE/);
  } finally {
    await deps.db.close();
  }
});

Deno.test("loadBars - an intraday store plugged in answers intraday intervals", async () => {
  const hourly = {
    ...seriesFromBars("X", [{ date: "2024-01-02", open: 1, high: 1, low: 1, close: 1, volume: 1 }]),
    interval: "1h" as const,
    partial: false,
  };
  const deps = {
    series: { get: () => Promise.reject(new Error("not used")) },
    intraday: { load: (_s: string, i: string) => Promise.resolve(i === "1h" ? hourly : null) },
  };
  assert.equal(await loadBars(deps, "X", "1h"), hourly);
});

Deno.test("availableIntervals - intraday intervals first, calendar ones only with daily bars", async () => {
  const unknown = (symbol: string) => Promise.reject(new NotFoundError(`Unknown symbol ${symbol}`));
  const hourlyOnly = {
    series: { get: unknown },
    intraday: {
      load: () => Promise.resolve(null),
      intervals: (s: string) => Promise.resolve(s === "X" ? ["1h" as const] : []),
    },
  };
  assert.deepEqual(await availableIntervals(hourlyOnly, "X"), ["1h"]);
  await assert.rejects(() => availableIntervals(hourlyOnly, "Y"), /Unknown symbol Y/);
  const bar = { date: "2024-01-02", open: 1, high: 1, low: 1, close: 1, volume: 1 };
  const daily = { series: { get: () => Promise.resolve(seriesFromBars("Z", [bar])) } };
  assert.deepEqual(await availableIntervals(daily, "Z"), ["1d", "1w", "1mo"]);
});
