/**
 * Yahoo Finance chart API for intraday intervals: Yahoo's history limits per interval, the
 * request windows a range is split into, and the parser of its intraday answers. Pure except
 * for nothing: the clock comes in as an argument.
 *
 * Yahoo serves 1-minute bars for the last 30 days, at most 7 days per request; 5-, 15- and
 * 30-minute bars for the last 60 days; hourly bars (`60m`) for the last 730 days. A range
 * beyond these is refused before any request, with the limit in the message. Bars are labelled
 * by their start (Unix seconds); Yahoo's hourly bars start at :30 in New York (09:30, 10:30, …).
 *
 * @module
 */
import { ValidationError } from "@trading/shared/errors";
import type { IntradayInterval } from "@trading/shared/schemas";
import type { IntradayBar } from "../intraday/types.ts";
import { yahooChartResult } from "./yahoo.ts";

const DAY = 86_400_000;

/** One interval's limits at Yahoo. */
export interface YahooIntradayLimit {
  /** Yahoo's name of the interval. */
  yahooInterval: string;
  /** How far back Yahoo keeps these bars (days before now). */
  backDays: number;
  /** Longest span of one request (days); longer ranges take several requests. */
  perRequestDays: number;
  /** The limit as told to the user. */
  text: string;
}

/** Yahoo's history limits per intraday interval. */
export const YAHOO_INTRADAY_LIMITS: Readonly<Record<IntradayInterval, YahooIntradayLimit>> = {
  "1m": {
    yahooInterval: "1m",
    backDays: 30,
    perRequestDays: 7,
    text: "1-minute bars for the last 30 days (7 days per request)",
  },
  "5m": {
    yahooInterval: "5m",
    backDays: 60,
    perRequestDays: 60,
    text: "5-minute bars for the last 60 days",
  },
  "15m": {
    yahooInterval: "15m",
    backDays: 60,
    perRequestDays: 60,
    text: "15-minute bars for the last 60 days",
  },
  "30m": {
    yahooInterval: "30m",
    backDays: 60,
    perRequestDays: 60,
    text: "30-minute bars for the last 60 days",
  },
  "1h": {
    yahooInterval: "60m",
    backDays: 730,
    perRequestDays: 730,
    text: "hourly bars for the last 730 days",
  },
};

/**
 * The request windows `[period1, period2)` (Unix seconds) covering `[fromMs, toMs)` at
 * `interval`; throws {@link ValidationError} (naming `from`, with Yahoo's limit) when the range
 * starts before what Yahoo keeps at `nowMs`.
 *
 * @example
 * ```ts
 * const now = Date.UTC(2024, 5, 28);
 * yahooIntradayWindows("1m", now - 10 * 86_400_000, now, now).length; // 2 (7 days each at most)
 * ```
 */
export function yahooIntradayWindows(
  interval: IntradayInterval,
  fromMs: number,
  toMs: number,
  nowMs: number,
): [number, number][] {
  const limit = YAHOO_INTRADAY_LIMITS[interval];
  if (!(fromMs < toMs)) {
    throw new ValidationError("Cannot fetch intraday bars: from must be before to", [
      { field: "from", message: "must be before to" },
    ]);
  }
  const earliest = nowMs - limit.backDays * DAY;
  if (fromMs < earliest) {
    const day = new Date(earliest).toISOString().slice(0, 10);
    const message =
      `Yahoo Finance keeps ${limit.text}: ${interval} bars before ${day} cannot be fetched; ` +
      `ask for a later start, a longer interval, or import older bars from a CSV file`;
    throw new ValidationError(message, [{ field: "from", message }]);
  }
  const windows: [number, number][] = [];
  const step = limit.perRequestDays * DAY;
  for (let a = fromMs; a < toMs; a += step) {
    windows.push([Math.floor(a / 1000), Math.floor(Math.min(a + step, toMs) / 1000)]);
  }
  return windows;
}

/** What {@link parseYahooIntradayChart} returns. */
export interface YahooIntradayHistory {
  /** Ticker. */
  symbol: string;
  /** Bars, starts ascending (UTC ms); rows with a null field are skipped, never filled in. */
  bars: IntradayBar[];
  /** IANA time zone of the exchange, when Yahoo names it. */
  timeZone?: string;
  /** Price currency. */
  currency: string;
}

/** Parses a Yahoo intraday chart body (pure); Yahoo's own 422 is a {@link ValidationError}. */
export function parseYahooIntradayChart(
  symbol: string,
  body: unknown,
  { status = 200 }: { status?: number } = {},
): YahooIntradayHistory {
  const r = yahooChartResult(
    symbol,
    body,
    ({ code, message }) =>
      status === 422 || code === "Unprocessable Entity"
        ? new ValidationError(`Yahoo Finance refused the range: ${message}`, [
          { field: "from", message },
        ])
        : null,
  );
  const q = r.indicators.quote[0]!;
  const bars: IntradayBar[] = [];
  const round = (x: number) => Math.round(x * 1e6) / 1e6; // float32 noise of the API only
  (r.timestamp ?? []).forEach((t, i) => {
    const [open, high, low, close, volume] = [
      q.open[i],
      q.high[i],
      q.low[i],
      q.close[i],
      q.volume[i],
    ];
    if (open == null || high == null || low == null || close == null || volume == null) return;
    const ts = t * 1000;
    if (bars.length && bars.at(-1)!.ts >= ts) return;
    bars.push({
      ts,
      open: round(open),
      high: round(high),
      low: round(low),
      close: round(close),
      volume,
    });
  });
  return {
    symbol,
    bars,
    currency: r.meta.currency ?? "USD",
    ...(r.meta.exchangeTimezoneName ? { timeZone: r.meta.exchangeTimezoneName } : {}),
  };
}
