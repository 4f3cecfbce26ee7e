/**
 * Test setup private to the route tests of online market data: a core app with
 * `MARKET_DATA=online` whose Yahoo and TWSE providers point at a fixture server on 127.0.0.1,
 * a signed-in user, and a builder of small Yahoo chart documents.
 *
 * @module
 */
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { type FixtureServer, startFixtureServer } from "../../../tests/helpers/fixture_server.ts";
import { json, register } from "../../auth/test_http.ts";
import { TwseProvider } from "../../providers/twse.ts";
import { YahooProvider } from "../../providers/yahoo.ts";

/** A Yahoo chart document with one bar per `[date, close]` (open = low = high = close). */
export function yahooDoc(
  symbol: string,
  bars: readonly (readonly [string, number])[],
  splits: readonly { date: string; ratio: number }[] = [],
): Response {
  const ts = bars.map(([d]) => Date.parse(`${d}T14:30:00Z`) / 1000);
  const closes = bars.map(([, c]) => c);
  const body = {
    chart: {
      result: [{
        meta: { symbol, currency: "USD", gmtoffset: -18000, longName: `${symbol} from Yahoo` },
        timestamp: ts,
        indicators: {
          quote: [{
            open: closes,
            high: closes,
            low: closes,
            close: closes,
            volume: closes.map(() => 1000),
          }],
        },
        events: {
          splits: Object.fromEntries(splits.map((s) => {
            const date = Date.parse(`${s.date}T14:30:00Z`) / 1000;
            return [String(date), { date, numerator: s.ratio, denominator: 1 }];
          })),
        },
      }],
      error: null,
    },
  };
  return new Response(JSON.stringify(body), { headers: { "content-type": "application/json" } });
}

/** An online core app on a fixture server, with `bob` signed in (real clock: sessions use it). */
export async function onlineApp(
  handler: (url: URL, req: Request) => Response | Promise<Response>,
  { env = {} }: { env?: Record<string, string> } = {},
) {
  const srv: FixtureServer = startFixtureServer(handler);
  const ctx = await testCoreApp({ MARKET_DATA: "online", ...env });
  const opts = { sleep: () => Promise.resolve(), random: () => 0, retries: 0, timeoutMs: 5000 };
  ctx.deps.providers = {
    yahoo: new YahooProvider(srv.url, opts),
    twse: new TwseProvider(srv.url, { ...opts, minIntervalMs: 0 }),
  };
  const bob = await register(ctx.app, "bob@example.com");
  const post = (body: unknown, cookie = bob, init: RequestInit = {}) =>
    ctx.app.request(
      new Request("http://core.test/api/symbols", {
        ...json("POST", body, { cookie }),
        ...init,
      }),
    );
  return {
    ...ctx,
    srv,
    bob,
    post,
    close: async () => {
      await ctx.deps.db.close();
      await srv.close();
    },
  };
}
