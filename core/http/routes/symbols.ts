import { z } from "zod";
import { routeGroup, validate } from "@trading/shared/http";
import {
  CANDLES_RESPONSE_EXAMPLE,
  CandlesQuerySchema,
  CandlesResponseSchema,
  QUOTE_RESPONSE_EXAMPLE,
  QuoteQuerySchema,
  QuoteSchema,
  SymbolIntervalsSchema,
  SymbolParamSchema,
  SYMBOLS_RESPONSE_EXAMPLE,
  SymbolsResponseSchema,
} from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import { quoteOf } from "../../market_data/quote.ts";
import { rangeIndices, toCandles } from "../../market_data/series.ts";
import { freshness } from "../../market_data/freshness.ts";
import { marketOf } from "../../calendars/calendar.ts";
import { Lru } from "@trading/shared/lru";
import type { Series } from "../../market_data/series.ts";
import { availableIntervals, lastStoredDay, loadBars } from "../../timeframes/load_bars.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });
const SymbolsQuery = z.object({
  all: z.enum(["true", "false", "1", "0"]).optional(),
  q: z.string().trim().min(1).max(50).optional().meta({
    description: "search every stored symbol by code, name or Chinese name (2330, 台積電)",
  }),
});

const seriesIds = new WeakMap<Series, number>();
let nextSeriesId = 0;
/** A stable number per series object, for cache keys. */
function seriesId(s: Series): number {
  let id = seriesIds.get(s);
  if (id === undefined) seriesIds.set(s, id = ++nextSeriesId);
  return id;
}

/** Symbols, candles and quotes. */
export const symbolsRoutes = routeGroup(
  (deps: CoreDeps) => {
    const candlesJson = new Lru<string>({
      maxEntries: 1000,
      maxSize: 32 * 1024 * 1024,
      sizeOf: (v) => v.length,
    });
    return { deps, candlesJson };
  },
  [
    {
      method: "get",
      path: "/symbols",
      responseExample: SYMBOLS_RESPONSE_EXAMPLE,
      summary:
        "The default universe (or every stored symbol with ?all=true; ?q= searches them by code, name or Chinese name)",
      tag: "market data",
      query: SymbolsQuery,
      response: SymbolsResponseSchema,
      errors: [422],
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const q = validate(SymbolsQuery, c.req.query(), "query");
        const symbols = await deps.market.listSymbols({
          all: q.all === "true" || q.all === "1",
          ...(q.q ? { query: q.q } : {}),
        });
        return c.json({ symbols, total: symbols.length });
      },
    },
    {
      method: "get",
      path: "/api/symbols/{symbol}/candles",
      paramsExample: { symbol: "AAPL" },
      queryExample: { from: "2018-05-10", to: "2018-05-11" },
      responseExample: CANDLES_RESPONSE_EXAMPLE,
      summary: "Candles of a symbol, daily or at `interval` (weekly and monthly bars labelled " +
        "with their first trading day; the last one `partial` while its period has not ended)",
      tag: "market data",
      params: SymbolPath,
      query: CandlesQuerySchema,
      response: CandlesResponseSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps, candlesJson }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const q = validate(CandlesQuerySchema, c.req.query(), "query");
        const s = await loadBars(deps, symbol, q.interval, q.adjust, {
          extended: q.session === "extended",
        });
        const { as_of, stale } = freshness(
          marketOf(symbol),
          await lastStoredDay(deps, s, q.adjust),
          deps.now(),
        );
        // serialising 250 candles was most of this route's cost: the JSON is kept per series
        // object (a reload or re-import gives a new one), range and freshness
        const key = `${
          seriesId(s)
        }|${symbol}|${q.from}|${q.to}|${q.limit}|${q.adjust}|${stale}|${q.interval}|${q.session}`;
        let body = candlesJson.get(key);
        if (body === undefined) {
          const { start, end } = rangeIndices(s, q);
          const candles = toCandles(s, start, end);
          if (s.partial && end === s.dates.length && end > start) {
            candles[end - start - 1]!.partial = true;
          }
          body = JSON.stringify({
            symbol,
            interval: q.interval,
            count: candles.length,
            adjust: q.adjust,
            as_of,
            stale,
            candles,
          });
          candlesJson.set(key, body);
        }
        return c.body(body, 200, { "content-type": "application/json" });
      },
    },
    {
      method: "get",
      path: "/api/symbols/{symbol}/intervals",
      summary: "The bar intervals a symbol has data at (what a timeframe switcher may offer)",
      tag: "market data",
      params: SymbolPath,
      response: SymbolIntervalsSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        return c.json({ symbol, intervals: await availableIntervals(deps, symbol) });
      },
    },
    {
      method: "get",
      path: "/api/symbols/{symbol}/quote",
      paramsExample: { symbol: "AAPL" },
      responseExample: QUOTE_RESPONSE_EXAMPLE,
      summary: "Latest close, change, volume and 52-week range (of the last bar at `interval`)",
      tag: "market data",
      params: SymbolPath,
      query: QuoteQuerySchema,
      response: QuoteSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const q = validate(QuoteQuerySchema, c.req.query(), "query");
        const s = await loadBars(deps, symbol, q.interval);
        const quote = quoteOf(s);
        if (!quote) {
          return c.json(
            { error: { code: "not_found", message: `No bars stored for ${symbol}` } },
            404,
          );
        }
        const asOf = (await lastStoredDay(deps, s)) ?? quote.as_of;
        return c.json({
          ...quote,
          as_of: asOf,
          stale: freshness(marketOf(symbol), asOf, deps.now()).stale,
          interval: q.interval,
          ...(s.partial ? { partial: true } : {}),
        });
      },
    },
  ],
);
