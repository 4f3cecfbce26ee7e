/**
 * Taiwan Stock Exchange `STOCK_DAY` adapter: one month per request, ROC dates (`109/12/01`
 * = 2020-12-01), thousands separators, `--` for no trade, change prefixed `X` on
 * non-comparable days. Requests go through a queue that keeps at least `minIntervalMs`
 * (default 2 s) between calls, the exchange's published limit. Prices are unadjusted.
 *
 * @module
 */
import { z } from "zod";
import { NotFoundError, UpstreamError } from "@trading/shared/errors";
import { CircuitBreaker } from "@trading/shared/http";
import type { Bar } from "../market_data/bar.ts";
import { fetchJson, type FetchJsonOptions } from "./fetch_json.ts";
import { RateLimiter } from "./rate_limiter.ts";
import { anySignal } from "./any_signal.ts";
import type {
  CandlesOptions,
  MarketDataProvider,
  ProviderHistory,
} from "../market_data/provider.ts";

/** The STOCK_DAY document. */
export const TwseStockDaySchema = z.object({
  stat: z.string(),
  title: z.string().optional(),
  fields: z.array(z.string()).optional(),
  data: z.array(z.array(z.string())).optional(),
});

/** `109/12/01` → `2020-12-01`. */
export function rocToIso(roc: string): string | null {
  const m = /^(\d{2,3})\/(\d{2})\/(\d{2})$/.exec(roc.trim());
  if (!m) return null;
  return `${Number(m[1]) + 1911}-${m[2]}-${m[3]}`;
}

/** `38,341,265` → 38341265; `--` or empty → NaN. */
export function twNumber(s: string): number {
  const t = s.replace(/,/g, "").trim();
  return t === "" || t === "--" || t === "---" ? NaN : Number(t);
}

/** Parses one STOCK_DAY month (pure); `stat` other than OK is a not-found. */
export function parseStockDay(stockNo: string, body: unknown): Bar[] {
  const parsed = TwseStockDaySchema.safeParse(body);
  if (!parsed.success) {
    throw new UpstreamError(`TWSE answered an unexpected document for ${stockNo}`);
  }
  if (parsed.data.stat !== "OK") {
    throw new NotFoundError(`TWSE: ${parsed.data.stat}`, { symbol: stockNo });
  }
  const fields = parsed.data.fields ??
    ["日期", "成交股數", "成交金額", "開盤價", "最高價", "最低價", "收盤價"];
  const col = (
    name: string,
    fallback: number,
  ) => (fields.indexOf(name) >= 0 ? fields.indexOf(name) : fallback);
  const [iDate, iVol, iOpen, iHigh, iLow, iClose] = [
    col("日期", 0),
    col("成交股數", 1),
    col("開盤價", 3),
    col("最高價", 4),
    col("最低價", 5),
    col("收盤價", 6),
  ];
  const bars: Bar[] = [];
  for (const row of parsed.data.data ?? []) {
    const date = rocToIso(row[iDate] ?? "");
    const [open, high, low, close, volume] = [iOpen, iHigh, iLow, iClose, iVol].map((i) =>
      twNumber(row[i] ?? "")
    );
    if (!date || ![open, high, low, close].every((x) => Number.isFinite(x) && x! > 0)) continue; // no trade that day
    bars.push({
      date,
      open: open!,
      high: high!,
      low: low!,
      close: close!,
      volume: Number.isFinite(volume) ? volume! : 0,
    });
  }
  return bars.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The stock's Chinese name from a STOCK_DAY document's title (`109年12月 2330 台積電  各日成交資訊`
 * → `台積電`), or null when the title does not have that shape.
 */
export function parseStockDayName(body: unknown): string | null {
  const parsed = TwseStockDaySchema.safeParse(body);
  const title = parsed.success ? parsed.data.title ?? "" : "";
  const m = /^\S+\s+\d{4,6}[A-Z]?\s+(.+?)\s+各日成交資訊\s*$/.exec(title.trim());
  return m ? m[1]!.trim() : null;
}

/** First trading day the STOCK_DAY API serves (its archive starts in January 2010). */
export const TWSE_HISTORY_START = "2010-01-04";

/**
 * First day of every month touching `[from, to]`, as `YYYYMM01`; `from` is clamped to
 * {@link TWSE_HISTORY_START}, so a backfill is at most one request per month since 2010.
 */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  const start = from < TWSE_HISTORY_START ? TWSE_HISTORY_START : from;
  let y = Number(start.slice(0, 4)), m = Number(start.slice(5, 7));
  const ey = Number(to.slice(0, 4)), em = Number(to.slice(5, 7));
  while (y < ey || (y === ey && m <= em)) {
    out.push(`${String(y).padStart(4, "0")}${String(m).padStart(2, "0")}01`);
    if (++m > 12) (m = 1), y++;
  }
  return out;
}

/** TWSE provider for `NNNN.TW` symbols. */
export class TwseProvider implements MarketDataProvider {
  readonly id = "twse";
  readonly historyStart = TWSE_HISTORY_START;
  readonly #baseUrl: string;
  readonly #opts: FetchJsonOptions;
  readonly #limiter: RateLimiter;

  /**
   * @param baseUrl e.g. `https://www.twse.com.tw`
   * @param opts fetch options; `signal` is the app-wide one (shutdown aborts every call)
   */
  constructor(
    baseUrl: string,
    opts: FetchJsonOptions & { minIntervalMs?: number; now?: () => number } = {},
  ) {
    this.#baseUrl = baseUrl.replace(/\/+$/, "");
    const { minIntervalMs = 2000, now, ...rest } = opts;
    this.#opts = {
      label: "TWSE",
      breaker: new CircuitBreaker({ failureThreshold: 5, resetMs: 60_000 }),
      ...rest,
    };
    this.#limiter = new RateLimiter(minIntervalMs, {
      ...(now ? { now } : {}),
      ...(rest.sleep ? { sleep: rest.sleep } : {}),
    });
  }

  async candles(
    symbol: string,
    { from, to }: { from: string; to: string },
    { onProgress, signal: callSignal }: CandlesOptions = {},
  ): Promise<ProviderHistory & { basis: "raw" }> {
    const stockNo = symbol.replace(/\.TW$/i, "");
    if (!/^\d{4,6}[A-Z]?$/.test(stockNo)) {
      throw new NotFoundError(`TWSE has no stock number in ${symbol}`, { symbol });
    }
    const bars: Bar[] = [];
    let nameZh: string | null = null;
    const months = monthsBetween(from, to);
    let done = 0;
    const signal = anySignal(this.#opts.signal, callSignal);
    for (const month of months) {
      const query = new URLSearchParams({ date: month, stockNo, response: "json" });
      const url = `${this.#baseUrl}/rwd/zh/afterTrading/STOCK_DAY?${query}`;
      const body = await this.#limiter.run(
        () => fetchJson(url, signal ? { ...this.#opts, signal } : this.#opts),
        signal,
      );
      nameZh ??= parseStockDayName(body);
      try {
        bars.push(...parseStockDay(stockNo, body));
      } catch (e) {
        // A month without trading (before listing) answers a not-found stat: skip it unless nothing came back at all.
        if (!(e instanceof NotFoundError)) throw e;
      }
      onProgress?.(++done, months.length);
    }
    const inRange = bars.filter((b) => b.date >= from && b.date <= to);
    if (inRange.length === 0) {
      throw new NotFoundError(`TWSE has no trading data for ${symbol} between ${from} and ${to}`, {
        symbol,
      });
    }
    return {
      symbol,
      bars: inRange,
      splits: [],
      dividends: [],
      basis: "raw",
      meta: {
        currency: "TWD",
        exchange: "TWSE",
        timeZone: "Asia/Taipei",
        ...(nameZh ? { nameZh } : {}),
      },
    };
  }
}
