// GET /api/symbols/:symbol/candles?session=extended (issue 17): intraday bars of the regular
// session by default, pre- and post-market with the flag, never across the overnight gap.
import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { realMinuteBars } from "../../../tests/helpers/intraday_minutes.ts";
import { IntradayStore } from "../../market_data/intraday_store.ts";

const SPY_META = {
  symbol: "SPY",
  name: "SPDR S&P 500 ETF Trust",
  market: "US",
  currency: "USD",
  source: "test",
  timeZone: "America/New_York",
};

Deno.test("GET candles - session=extended adds pre- and post-market to intraday bars; regular is the default", async () => {
  const { app, deps } = await testCoreApp();
  try {
    // the real LEAN SPY minutes of 2013-10-04 (pre-market from 04:06, post-market to 20:00)
    const minutes = await realMinuteBars("SPY");
    await new IntradayStore(deps.db).write(SPY_META, "1m", minutes.slice(0, 1000));
    const get = async (query: string) => {
      const res = await app.request(`/api/symbols/SPY/candles?interval=5m&${query}`);
      return { status: res.status, body: await res.json() };
    };
    const regular = await get("from=2013-10-04&to=2013-10-04");
    assert.equal(regular.status, 200);
    const times = (r: typeof regular) =>
      r.body.candles.map((c: { date: string }) => c.date.slice(11, 16)) as string[];
    assert.equal(times(regular)[0], "09:30");
    assert.ok(times(regular).every((t) => t >= "09:30" && t < "16:00"), "regular session only");

    const extended = await get("from=2013-10-04&to=2013-10-04&session=extended");
    assert.equal(extended.status, 200);
    assert.ok(times(extended)[0]! < "09:30", `pre-market bars first (${times(extended)[0]})`);
    assert.ok(times(extended).some((t) => t >= "16:00"), "post-market bars");
    assert.ok(extended.body.count > regular.body.count);
    // the regular bars are the same bars in both answers
    const inSession = extended.body.candles.filter((c: { date: string }) =>
      c.date.slice(11, 16) >= "09:30" && c.date.slice(11, 16) < "16:00"
    );
    assert.deepEqual(inSession, regular.body.candles);

    const bad = await get("session=overnight");
    assert.equal(bad.status, 422);
    assert.ok(
      bad.body.error.details.some((d: { field: string }) => d.field.includes("session")),
      JSON.stringify(bad.body),
    );
  } finally {
    await deps.db.close();
  }
});
