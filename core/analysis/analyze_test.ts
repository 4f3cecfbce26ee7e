import assert from "node:assert/strict";
import { bundledSeries } from "../../tests/helpers/bundled.ts";
import { firstBars } from "../market_data/series.ts";
import { analyzeSeries, periodStart } from "./analyze.ts";

Deno.test("periodStart() - months back from the last bar, clamped to the month's length", () => {
  assert.equal(periodStart("2018-05-11", "1mo"), "2018-04-12");
  assert.equal(
    periodStart("2018-03-31", "1mo"),
    "2018-03-01",
    "31 March − 1 month = 28 Feb, +1 day",
  );
  assert.equal(periodStart("2016-05-31", "3mo"), "2016-03-01", "29 Feb 2016 (leap) + 1 day");
  assert.equal(periodStart("2018-05-11", "1y"), "2017-05-12");
  assert.equal(periodStart("2018-05-11", "max"), null);
  assert.throws(() => periodStart("2018-05-11", "7y"), RangeError);
});

Deno.test("analyzeSeries() - covers exactly the period and never reads past the last bar", () => {
  const spx = bundledSeries("SPX");
  const a = analyzeSeries({ symbol: "SPX", market: "US", cols: spx, period: "6mo" });
  assert.equal(a.to, "2020-04-17");
  assert.ok(a.from >= "2019-10-18" && a.from <= "2019-10-21", a.from);
  const cut = analyzeSeries({
    symbol: "SPX",
    market: "US",
    cols: firstBars(spx, 3000),
    period: "1y",
  });
  assert.equal(cut.to, spx.dates[2999]);
  assert.equal(cut.current_price, spx.close[2999]);
  assert.ok(cut.signals.every((s) => s.index < 3000));
  assert.ok(cut.signals.length <= 50 && cut.signals_total >= cut.signals.length);
});
