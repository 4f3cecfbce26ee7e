/**
 * Live quotes shared by every client: during trading hours of an online deployment one
 * upstream poll per symbol per interval (cached), otherwise a replay clock over stored bars
 * that steps through the last bars one at a time, so the same stream works offline.
 *
 * @module
 */
import type { LiveQuote } from "@trading/shared/schemas";
import { marketOf, marketStatus } from "../calendars/calendar.ts";
import { addDays } from "../calendars/dates.ts";
import type { MarketDataProvider } from "./provider.ts";
import { providerFor } from "./refresh.ts";
import type { SeriesCache } from "./series_cache.ts";

/** Bars the replay clock cycles through (the most recent ones). */
export const REPLAY_WINDOW = 60;

/** Serves {@link LiveQuote}s with one upstream poll per symbol per interval. */
export class QuoteHub {
  readonly #series: SeriesCache;
  readonly #providers: Record<string, MarketDataProvider>;
  readonly #online: boolean;
  readonly #pollMs: number;
  readonly #replayStepMs: number;
  readonly #now: () => number;
  readonly #live = new Map<string, { at: number; quote: Promise<LiveQuote> }>();
  /** Upstream polls made (for tests and metrics). */
  polls = 0;

  /** @param o data sources, mode and timings */
  constructor(
    o: {
      series: SeriesCache;
      providers: Record<string, MarketDataProvider>;
      online: boolean;
      pollMs: number;
      replayStepMs: number;
      now: () => number;
    },
  ) {
    this.#series = o.series;
    this.#providers = o.providers;
    this.#online = o.online;
    this.#pollMs = o.pollMs;
    this.#replayStepMs = o.replayStepMs;
    this.#now = o.now;
  }

  /** The current quote of `symbol` (throws NotFoundError for unknown symbols). */
  async quote(symbol: string): Promise<LiveQuote> {
    const s = await this.#series.get(symbol);
    const n = s.dates.length;
    if (this.#online && marketStatus(marketOf(symbol), this.#now()).is_open) {
      const hit = this.#live.get(symbol);
      if (hit && this.#now() - hit.at < this.#pollMs) return await hit.quote;
      const quote = this.#poll(symbol, n > 0 ? s.close[n - 1]! : null);
      this.#live.set(symbol, { at: this.#now(), quote });
      quote.catch(() => this.#live.delete(symbol));
      try {
        return await quote;
      } catch {
        // provider down: fall through to the stored close (the caller sees source "close")
      }
    }
    if (this.#online) return this.#fromBar(symbol, s, n - 1, "close");
    const w = Math.min(REPLAY_WINDOW, n);
    const step = Math.floor(this.#now() / this.#replayStepMs) % w;
    return this.#fromBar(symbol, s, n - w + step, "replay");
  }

  async #poll(symbol: string, lastClose: number | null): Promise<LiveQuote> {
    this.polls++;
    const p = this.#providers[providerFor(symbol)]!;
    const today = new Date(this.#now()).toISOString().slice(0, 10);
    const h = await p.candles(symbol, { from: addDays(today, -7), to: today });
    const b = h.bars.at(-1);
    if (!b) throw new Error("no bars");
    const prev = h.bars.at(-2)?.close ?? lastClose;
    return {
      symbol,
      date: b.date,
      price: b.close,
      open: b.open,
      high: b.high,
      low: b.low,
      volume: b.volume,
      change: prev === null ? null : b.close - prev,
      change_percent: prev === null ? null : ((b.close - prev) / prev) * 100,
      source: "live",
      as_of: b.date,
    };
  }

  #fromBar(
    symbol: string,
    s: Awaited<ReturnType<SeriesCache["get"]>>,
    i: number,
    source: "close" | "replay",
  ): LiveQuote {
    const prev = i > 0 ? s.close[i - 1]! : null;
    const c = s.close[i]!;
    return {
      symbol,
      date: s.dates[i]!,
      price: c,
      open: s.open[i]!,
      high: s.high[i]!,
      low: s.low[i]!,
      volume: s.volume[i]!,
      change: prev === null ? null : Math.round((c - prev) * 1e6) / 1e6,
      change_percent: prev === null ? null : Math.round(((c - prev) / prev) * 1e6) / 1e4,
      source,
      as_of: s.dates[i]!,
    };
  }
}
