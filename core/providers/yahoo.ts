/**
 * Yahoo Finance chart API adapter (`/v8/finance/chart/{symbol}`): daily bars, splits and
 * dividends, validated with zod at the edge. Yahoo's OHLC are split-adjusted (not
 * dividend-adjusted) as of the request; the adapter returns them with basis `split_adjusted`.
 *
 * @module
 */
import { z } from "zod";
import { NotFoundError, UpstreamError } from "@trading/shared/errors";
import { CircuitBreaker } from "@trading/shared/http";
import type { IntradayInterval } from "@trading/shared/schemas";
import type { Bar } from "../market_data/bar.ts";
import { fetchJson, type FetchJsonOptions, ProviderHttpError } from "./fetch_json.ts";
import { anySignal } from "./any_signal.ts";
import {
  parseYahooIntradayChart,
  YAHOO_INTRADAY_LIMITS,
  type YahooIntradayHistory,
  yahooIntradayWindows,
} from "./yahoo_intraday.ts";
import type {
  CandlesOptions,
  MarketDataProvider,
  ProviderHistory,
} from "../market_data/provider.ts";

/** Earliest daily bar Yahoo's chart API serves (NYSE history from 1962); `from` is clamped to it. */
export const YAHOO_HISTORY_START = "1962-01-02";

const nums = z.array(z.number().nullable());

/** The part of Yahoo's chart response the adapter reads. */
export const YahooChartSchema = z.object({
  chart: z.object({
    result: z.array(z.object({
      meta: z.object({
        symbol: z.string(),
        currency: z.string().nullable().optional(),
        exchangeName: z.string().optional(),
        exchangeTimezoneName: z.string().optional(),
        longName: z.string().optional(),
        shortName: z.string().optional(),
        gmtoffset: z.number().optional(),
      }),
      timestamp: z.array(z.number()).optional(),
      indicators: z.object({
        quote: z.array(z.object({ open: nums, high: nums, low: nums, close: nums, volume: nums }))
          .min(1),
      }),
      events: z.object({
        splits: z.record(
          z.string(),
          z.object({ date: z.number(), numerator: z.number(), denominator: z.number() }),
        ).optional(),
        dividends: z.record(z.string(), z.object({ date: z.number(), amount: z.number() }))
          .optional(),
      }).optional(),
    })).nullable(),
    error: z.object({ code: z.string(), description: z.string() }).nullable().optional(),
  }),
});

/** Calendar date of a Yahoo timestamp in the exchange's zone (via its gmtoffset). */
function dayOf(ts: number, gmtoffset: number): string {
  return new Date((ts + gmtoffset) * 1000).toISOString().slice(0, 10);
}

/** The one result of a Yahoo chart document (its `chart.result[0]`). */
export type YahooChartResult = NonNullable<
  z.infer<typeof YahooChartSchema>["chart"]["result"]
>[number];

/**
 * The result of a Yahoo chart body (pure): an unexpected document or Yahoo's own error is an
 * UpstreamError, "no data"/delisted a NotFoundError, and an error `refused` recognises (the
 * caller's range refused) whatever `refused` returns.
 */
export function yahooChartResult(
  symbol: string,
  body: unknown,
  refused?: (error: { code?: string | undefined; message: string }) => Error | null,
): YahooChartResult {
  const parsed = YahooChartSchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(
      `Yahoo Finance answered an unexpected document for ${symbol}: ${
        parsed.error.issues[0]?.message
      }`,
    );
  }
  const { result, error } = parsed.data.chart;
  if (error || !result || !result[0]) {
    const msg = error?.description ?? "no data";
    if (error?.code === "Not Found" || /no data found|delisted/i.test(msg)) {
      throw new NotFoundError(`Yahoo Finance: ${msg}`, { symbol });
    }
    const own = refused?.({ code: error?.code, message: msg });
    if (own) throw own;
    throw new UpstreamError(`Yahoo Finance error for ${symbol}: ${msg}`);
  }
  return result[0];
}

/** Parses a validated Yahoo chart body into a {@link ProviderHistory} (pure). */
export function parseYahooChart(
  symbol: string,
  body: unknown,
): ProviderHistory & { basis: "split_adjusted" } {
  const r = yahooChartResult(symbol, body);
  const off = r.meta.gmtoffset ?? 0;
  const q = r.indicators.quote[0]!;
  const bars: Bar[] = [];
  (r.timestamp ?? []).forEach((ts, i) => {
    const [open, high, low, close, volume] = [
      q.open[i],
      q.high[i],
      q.low[i],
      q.close[i],
      q.volume[i],
    ];
    // A halted or incomplete day (any field null) is skipped, never filled in.
    if (open == null || high == null || low == null || close == null || volume == null) return;
    const date = dayOf(ts, off);
    if (bars.length && bars.at(-1)!.date >= date) return;
    const round = (x: number) => Math.round(x * 1e6) / 1e6; // float32 noise of the API only
    bars.push({
      date,
      open: round(open),
      high: round(high),
      low: round(low),
      close: round(close),
      volume,
    });
  });
  const splits = Object.values(r.events?.splits ?? {}).map((s) => ({
    date: dayOf(s.date, off),
    ratio: s.numerator / s.denominator,
  }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const dividends = Object.values(r.events?.dividends ?? {}).map((d) => ({
    date: dayOf(d.date, off),
    amount: d.amount,
  }))
    .sort((a, b) => a.date.localeCompare(b.date));
  return {
    symbol,
    bars,
    splits,
    dividends,
    basis: "split_adjusted",
    meta: {
      currency: r.meta.currency ?? "USD",
      ...(r.meta.longName ?? r.meta.shortName
        ? { name: (r.meta.longName ?? r.meta.shortName)! }
        : {}),
      ...(r.meta.exchangeName ? { exchange: r.meta.exchangeName } : {}),
      ...(r.meta.exchangeTimezoneName ? { timeZone: r.meta.exchangeTimezoneName } : {}),
    },
  };
}

/** Yahoo Finance provider; `baseUrl` is configurable so tests point it at 127.0.0.1. */
export class YahooProvider implements MarketDataProvider {
  readonly id = "yahoo";
  readonly historyStart = YAHOO_HISTORY_START;
  readonly #baseUrl: string;
  readonly #opts: FetchJsonOptions;

  /**
   * @param baseUrl e.g. `https://query2.finance.yahoo.com`
   * @param opts fetch options; `signal` is the app-wide one (shutdown aborts every call)
   */
  constructor(baseUrl: string, opts: FetchJsonOptions = {}) {
    this.#baseUrl = baseUrl.replace(/\/+$/, "");
    this.#opts = {
      label: "Yahoo Finance",
      breaker: new CircuitBreaker({ failureThreshold: 5, resetMs: 60_000 }),
      ...opts,
    };
  }

  async candles(
    symbol: string,
    { from, to }: { from: string; to: string },
    { onProgress, signal: callSignal }: CandlesOptions = {},
  ): Promise<ProviderHistory & { basis: "split_adjusted" }> {
    const start = from < YAHOO_HISTORY_START ? YAHOO_HISTORY_START : from;
    const p1 = Math.floor(Date.parse(`${start}T00:00:00Z`) / 1000);
    const p2 = Math.floor(Date.parse(`${to}T23:59:59Z`) / 1000);
    const url = `${this.#baseUrl}/v8/finance/chart/${
      encodeURIComponent(symbol)
    }?interval=1d&period1=${p1}&period2=${p2}&events=div%7Csplit`;
    try {
      const signal = anySignal(this.#opts.signal, callSignal);
      const body = await fetchJson(url, signal ? { ...this.#opts, signal } : this.#opts);
      onProgress?.(1, 1);
      return parseYahooChart(symbol, body);
    } catch (e) {
      if (e instanceof ProviderHttpError && e.status === 404) {
        return parseYahooChart(symbol, e.body);
      }
      throw e;
    }
  }

  /** How many days back Yahoo keeps bars of `interval`. */
  historyDays(interval: IntradayInterval): number {
    return YAHOO_INTRADAY_LIMITS[interval].backDays;
  }

  /**
   * Intraday bars of `symbol` over `[from, to)` (UTC ms) at `interval`, regular session unless
   * `extended` (Yahoo's `includePrePost`). A range Yahoo does not keep is refused before any
   * request with the limit in the message (see `YAHOO_INTRADAY_LIMITS`); a longer range than
   * one request allows is fetched in several.
   */
  async intradayCandles(
    symbol: string,
    interval: IntradayInterval,
    { from, to }: { from: number; to: number },
    { signal: callSignal, now = Date.now(), extended = false }: {
      signal?: AbortSignal;
      now?: number;
      extended?: boolean;
    } = {},
  ): Promise<YahooIntradayHistory> {
    const windows = yahooIntradayWindows(interval, from, to, now);
    const signal = anySignal(this.#opts.signal, callSignal);
    const opts = signal ? { ...this.#opts, signal } : this.#opts;
    let out: YahooIntradayHistory | null = null;
    for (const [p1, p2] of windows) {
      const url = `${this.#baseUrl}/v8/finance/chart/${encodeURIComponent(symbol)}?interval=${
        YAHOO_INTRADAY_LIMITS[interval].yahooInterval
      }&period1=${p1}&period2=${p2}&includePrePost=${extended}`;
      let part: YahooIntradayHistory;
      try {
        part = parseYahooIntradayChart(symbol, await fetchJson(url, opts));
      } catch (e) {
        if (e instanceof ProviderHttpError && (e.status === 404 || e.status === 422)) {
          part = parseYahooIntradayChart(symbol, e.body, { status: e.status });
        } else throw e;
      }
      if (!out) out = part;
      else {
        const last = out.bars.at(-1)?.ts ?? -Infinity;
        out.bars.push(...part.bars.filter((b) => b.ts > last));
      }
    }
    return out!;
  }
}
