/**
 * Writes the recorded-format Yahoo intraday fixtures of `tests/fixtures/providers/yahoo/`
 * (`chart_SPY_1m_…` and `chart_SPY_5m_…`) from the real LEAN SPY minute bars of
 * `tests/fixtures/intraday/minute/SPY_1m.csv`: the regular-session minutes as Yahoo's chart
 * API shapes them (Unix-second bar starts, `indicators.quote[0]` columns, the meta fields the
 * adapter reads), and their 5-minute aggregation by session. Prices and volumes are the real
 * ones; only the document shape is Yahoo's.
 *
 * Run: `deno run --allow-read --allow-write=tests/fixtures scripts/yahoo_intraday_fixtures.ts`
 *
 * @module
 */
import { aggregateSession } from "../core/intraday/aggregate.ts";
import { sessionOf } from "../core/intraday/session.ts";
import { columnsFromBars, type IntradayColumns } from "../core/intraday/types.ts";
import { realMinuteBars } from "../tests/helpers/intraday_minutes.ts";

const NY = sessionOf("America/New_York");
const OUT = new URL("../tests/fixtures/providers/yahoo/", import.meta.url);

function chart(cols: IntradayColumns, granularity: string, range: [number, number]) {
  const day = (t: number) => Math.floor(t / 1000);
  return {
    chart: {
      result: [{
        meta: {
          currency: "USD",
          symbol: "SPY",
          exchangeName: "PCX",
          fullExchangeName: "NYSEArca",
          instrumentType: "ETF",
          hasPrePostMarketData: true,
          gmtoffset: -14400,
          timezone: "EDT",
          exchangeTimezoneName: "America/New_York",
          longName: "SPDR S&P 500 ETF Trust",
          shortName: "SPDR S&P 500",
          dataGranularity: granularity,
          range: "",
          period1: day(range[0]),
          period2: day(range[1]),
        },
        timestamp: Array.from(cols.ts, day),
        indicators: {
          quote: [{
            open: Array.from(cols.open),
            high: Array.from(cols.high),
            low: Array.from(cols.low),
            close: Array.from(cols.close),
            volume: Array.from(cols.volume),
          }],
        },
      }],
      error: null,
    },
  };
}

const minutes = (await realMinuteBars("SPY")).filter((b) => b.ts < Date.UTC(2014, 0, 1));
const all = columnsFromBars(minutes);
const oneDay = columnsFromBars(minutes.filter((b) => b.ts < Date.UTC(2013, 9, 5)));
const regularDay = aggregateSession(oneDay, { minutes: 1, session: NY });
const five = aggregateSession(all, { minutes: 5, session: NY });
const write = (name: string, doc: unknown) =>
  Deno.writeTextFile(new URL(name, OUT), JSON.stringify(doc) + "\n");
await write(
  "chart_SPY_1m_2013-10-04.json",
  chart(regularDay, "1m", [Date.UTC(2013, 9, 4, 13, 30), Date.UTC(2013, 9, 4, 20)]),
);
await write(
  "chart_SPY_5m_2013-10-04_2013-10-11.json",
  chart(five, "5m", [Date.UTC(2013, 9, 4, 13, 30), Date.UTC(2013, 9, 11, 20)]),
);
