import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  CorporateActionsSchema,
  LiveQuoteSchema,
  MarketsResponseSchema,
  QualityReportSchema,
  RefreshResultSchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import { marketOf, marketStatus } from "../../calendars/calendar.ts";
import type { CoreDeps } from "../../deps.ts";
import { qualityReport } from "../../market_data/quality.ts";
import { QuoteHub } from "../../market_data/quote_hub.ts";
import { providerFor, refreshSymbol } from "../../market_data/refresh.ts";
import { rateLimit, tooManyRequests } from "../../auth/rate_limit.ts";
import { anySignal } from "../../providers/any_signal.ts";
import { DomainError } from "@trading/shared/errors";
import { requireUser } from "../../auth/auth_context.ts";
import { abortedAnswer, BackfillSlots, checkFrom } from "./_backfill_guard.ts";

/** Backfill requests (`POST /api/symbols`) allowed per user per 10 minutes (30 per IP). */
export const SYMBOL_ADDS_PER_10_MIN = 10;

const SymbolPath = z.object({ symbol: SymbolParamSchema });
const AddSymbolBody = z.object({
  symbol: SymbolParamSchema,
  name: z.string().trim().min(1).max(100).optional().describe(
    "display name of a symbol not stored yet (renaming a stored one is an admin operation)",
  ),
  from: z.iso.date().optional().describe(
    "first date to fetch, not before the provider's history (Yahoo 1962-01-02, TWSE 2010-01-04)",
  ),
}).strict();
const StreamQuery = z.object({
  symbols: z.string().min(1).max(400).transform((
    s,
  ) => [...new Set(s.split(",").map((x) => x.trim().toUpperCase()).filter(Boolean))])
    .pipe(z.array(SymbolParamSchema).min(1).max(20)),
  once: z.enum(["1", "true"]).optional(),
});

/** Symbol backfills per user and IP (each may call a provider many times). */
const addLimit = rateLimit({
  key: "symbols",
  limit: SYMBOL_ADDS_PER_10_MIN,
  windowS: 600,
  ipLimit: 3 * SYMBOL_ADDS_PER_10_MIN,
});

/** Markets, data quality, corporate actions, symbol backfill and live quotes. */
export const marketsRoutes = routeGroup(
  (deps: CoreDeps & { quoteHub?: QuoteHub }) => {
    const quotes = deps.quoteHub ?? new QuoteHub({
      series: deps.series,
      providers: deps.providers,
      online: deps.config.MARKET_DATA === "online",
      pollMs: deps.config.QUOTE_POLL_MS,
      replayStepMs: deps.config.REPLAY_STEP_MS,
      now: deps.now,
    });
    const slots = new BackfillSlots();
    return { deps, quotes, slots };
  },
  [
    {
      method: "get",
      path: "/api/markets",
      summary: "Each market's open/closed state, holiday and next session (NYSE, TWSE)",
      tag: "market data",
      response: MarketsResponseSchema,
      access: "public",
      scope: "read",
      handler: (c, { deps }) => {
        const now = deps.now();
        return c.json({
          as_of: new Date(now).toISOString(),
          markets: [marketStatus("US", now), marketStatus("TW", now)],
        });
      },
    },
    {
      method: "post",
      path: "/api/symbols",
      summary:
        "Add a symbol from its online provider and backfill its history, or append to a stored one (MARKET_DATA=online; signed in; 10 per 10 min, 2 in flight per user)",
      tag: "market data",
      body: AddSymbolBody,
      response: RefreshResultSchema,
      status: 201,
      errors: [401, 403, 404, 409, 422, 429, 502, 504],
      access: "user",
      scope: "data",
      use: [addLimit],
      handler: async (c, { deps, slots }) => {
        const user = requireUser(c);
        const body = validate(AddSymbolBody, await readJson(c.req), "body");
        if (deps.config.MARKET_DATA !== "online") {
          return c.json({
            error: {
              code: "conflict",
              message:
                "Online market data is disabled: set MARKET_DATA=online, or load a CSV with `deno task import FILE --symbol X`.",
            },
          }, 409);
        }
        const today = new Date(deps.now()).toISOString().slice(0, 10);
        checkFrom(body.from, deps.providers[providerFor(body.symbol)], today);
        if (body.name && user.role !== "admin" && await deps.online.source(body.symbol)) {
          throw new DomainError(
            "forbidden",
            `${body.symbol} is stored already: renaming it is an admin operation (PATCH /api/admin/symbols/${body.symbol})`,
          );
        }
        if (!slots.tryAcquire(user.id)) {
          return tooManyRequests(c, 5, "Too many backfills in flight: wait for yours to finish");
        }
        const signals = { client: c.req.raw.signal, shutdown: deps.shutdown.signal };
        try {
          const result = await refreshSymbol(deps, body.symbol, {
            ...(body.from ? { from: body.from } : {}),
            ...(body.name ? { name: body.name } : {}),
            signal: anySignal(signals.client, signals.shutdown)!,
          });
          return c.json(result, result.status === "quarantined" ? 409 : 201);
        } catch (e) {
          const aborted = abortedAnswer(c, signals, deps.logger, body.symbol);
          if (aborted) return aborted;
          throw e;
        } finally {
          slots.release(user.id);
        }
      },
    },
    {
      method: "get",
      path: "/api/symbols/{symbol}/quality",
      summary:
        "Data-quality report: missing sessions, zero volume, OHLC inconsistencies, unexplained jumps, quarantined provider answers",
      tag: "market data",
      params: SymbolPath,
      response: QualityReportSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const s = await deps.series.get(symbol, { adjust: "none" });
        const actions = await deps.series.actions(symbol);
        const report = qualityReport(s, marketOf(symbol), { splits: actions.splits });
        const quarantined = await deps.online.quarantined(symbol);
        return c.json({
          ...report,
          quarantined: quarantined.map((q) => ({ ...q, details: JSON.parse(q.details) })),
        });
      },
    },
    {
      method: "get",
      path: "/api/symbols/{symbol}/actions",
      summary: "Splits and dividends stored for a symbol",
      tag: "market data",
      params: SymbolPath,
      response: CorporateActionsSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        await deps.series.get(symbol);
        return c.json({ symbol, ...(await deps.series.actions(symbol)) });
      },
    },
    {
      method: "get",
      path: "/api/quotes/stream",
      summary:
        "Server-sent quote events for up to 20 symbols (live polls in trading hours online; a replay clock over stored bars offline); each `quote` event's data is a LiveQuote, `once=1` answers {quotes: [LiveQuote]} as JSON",
      tag: "market data",
      query: StreamQuery,
      produces: "text/event-stream",
      response: LiveQuoteSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps, quotes }) => {
        const q = validate(StreamQuery, c.req.query(), "query");
        for (const s of q.symbols) await deps.series.get(s); // 404 before the stream starts
        if (q.once) {
          return c.json({ quotes: await Promise.all(q.symbols.map((s) => quotes.quote(s))) });
        }
        return streamSSE(c, async (stream) => {
          const last = new Map<string, string>();
          let id = 0;
          const stepMs = Math.min(deps.config.REPLAY_STEP_MS, deps.config.QUOTE_POLL_MS);
          while (!stream.aborted && !stream.closed) {
            for (const s of q.symbols) {
              const quote = await quotes.quote(s).catch(() => null);
              if (!quote) continue;
              const key = `${quote.date}:${quote.price}:${quote.volume}`;
              if (last.get(s) === key) continue;
              last.set(s, key);
              await stream.writeSSE({
                event: "quote",
                id: String(++id),
                data: JSON.stringify(quote),
              });
            }
            await stream.writeSSE({ event: "heartbeat", data: new Date(deps.now()).toISOString() });
            await stream.sleep(stepMs);
          }
        });
      },
    },
  ],
);
