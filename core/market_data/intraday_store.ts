/**
 * Storage of intraday bars (`1m` … `1h`) on any {@link Db} backend: range reads by symbol and
 * interval, idempotent upserts, and each symbol's exchange time zone. A bar's key is its start
 * as a UTC instant (milliseconds since the epoch); the exchange-local label is derived with the
 * symbol's time zone. Daily candles live in `MarketRepository`, untouched by this store.
 *
 * @module
 */
import type { IntradayInterval } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import type { IntradayBar, IntradayColumns } from "../intraday/types.ts";
import type { SymbolMeta } from "./repository.ts";

/** A symbol's descriptive fields plus its exchange's IANA time zone. */
export interface IntradaySymbolMeta extends SymbolMeta {
  /** IANA time zone of the exchange, e.g. `America/New_York`. */
  timeZone: string;
}

/** How many bars a symbol has at one interval and their span (UTC ms). */
export interface IntradayExtent {
  /** The interval. */
  interval: IntradayInterval;
  /** Number of stored bars. */
  bars: number;
  /** Start of the first bar (UTC ms), null without bars. */
  first: number | null;
  /** Start of the last bar (UTC ms), null without bars. */
  last: number | null;
}

interface Row {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const CHUNK = 200;

/** Intraday bars and exchange time zones, on SQLite or PostgreSQL. */
export class IntradayStore {
  readonly #db: Db;
  /** @param db an open, migrated database */
  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Bars of `symbol` at `interval` whose start lies in `[from, to)` (UTC ms; both optional),
   * ascending.
   */
  async range(
    symbol: string,
    interval: IntradayInterval,
    { from = -Infinity, to = Infinity }: { from?: number; to?: number } = {},
  ): Promise<IntradayBar[]> {
    const params: (string | number)[] = [symbol, interval];
    let where = "";
    if (Number.isFinite(from)) (where += " AND ts >= ?", params.push(from));
    if (Number.isFinite(to)) (where += " AND ts < ?", params.push(to));
    const rows = await this.#db.query<Row>(
      `SELECT ts, open, high, low, close, volume FROM intraday_bars
        WHERE symbol = ? AND bar_interval = ?${where} ORDER BY ts`,
      params,
    );
    return rows.map((r) => ({ ...r, ts: Number(r.ts) }));
  }

  /** {@link range} straight into columns (no per-bar objects kept): what the series read. */
  async columns(symbol: string, interval: IntradayInterval): Promise<IntradayColumns> {
    const rows = await this.#db.query<Row>(
      `SELECT ts, open, high, low, close, volume FROM intraday_bars
        WHERE symbol = ? AND bar_interval = ? ORDER BY ts`,
      [symbol, interval],
    );
    const n = rows.length;
    const c = {
      ts: new Float64Array(n),
      open: new Float64Array(n),
      high: new Float64Array(n),
      low: new Float64Array(n),
      close: new Float64Array(n),
      volume: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      c.ts[i] = Number(r.ts);
      c.open[i] = r.open;
      c.high[i] = r.high;
      c.low[i] = r.low;
      c.close[i] = r.close;
      c.volume[i] = r.volume;
    }
    return c;
  }

  /** The intervals `symbol` has bars at, with their counts and spans, shortest first. */
  async extents(symbol: string): Promise<IntradayExtent[]> {
    const rows = await this.#db.query<
      { bar_interval: IntradayInterval; bars: number; first: number | null; last: number | null }
    >(
      `SELECT bar_interval, COUNT(*) AS bars, MIN(ts) AS first, MAX(ts) AS last
         FROM intraday_bars WHERE symbol = ? GROUP BY bar_interval`,
      [symbol],
    );
    const order = ["1m", "5m", "15m", "30m", "1h"];
    return rows
      .map((r) => ({
        interval: r.bar_interval,
        bars: Number(r.bars),
        first: r.first === null ? null : Number(r.first),
        last: r.last === null ? null : Number(r.last),
      }))
      .sort((a, b) => order.indexOf(a.interval) - order.indexOf(b.interval));
  }

  /**
   * A stored symbol's exchange time zone, market and data version (bumped by every import of
   * daily or intraday bars), or null when the symbol is unknown.
   */
  async meta(
    symbol: string,
  ): Promise<{ timeZone: string; market: string; version: number } | null> {
    const r = await this.#db.query<{ time_zone: string; market: string; data_version: number }>(
      "SELECT time_zone, market, data_version FROM symbols WHERE symbol = ?",
      [symbol],
    );
    const row = r[0];
    return row
      ? { timeZone: row.time_zone, market: row.market, version: Number(row.data_version) }
      : null;
  }

  /** The exchange time zone of a stored symbol, or null when the symbol is unknown. */
  async timeZone(symbol: string): Promise<string | null> {
    const r = await this.#db.query<{ time_zone: string }>(
      "SELECT time_zone FROM symbols WHERE symbol = ?",
      [symbol],
    );
    return r[0]?.time_zone ?? null;
  }

  /**
   * Upserts `bars` of `symbol` at `interval` in one transaction and returns the number of rows
   * inserted or changed: a bar already stored with the same values is left alone, so importing
   * the same file twice writes 0 rows the second time. The symbol is created when unknown
   * (outside the default universe; an existing symbol keeps its name, market and membership)
   * and its time zone recorded; its data version is bumped only when something changed, which
   * is how caches notice the new data.
   */
  async write(
    meta: IntradaySymbolMeta,
    interval: IntradayInterval,
    bars: readonly IntradayBar[],
    { now = new Date().toISOString() }: { now?: string } = {},
  ): Promise<number> {
    return await this.#db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO symbols (symbol, name, market, currency, source, in_universe, data_version, added_at, time_zone)
         VALUES (?, ?, ?, ?, ?, 0, 1, ?, ?)
         ON CONFLICT (symbol) DO UPDATE SET time_zone = excluded.time_zone`,
        [meta.symbol, meta.name, meta.market, meta.currency, meta.source, now, meta.timeZone],
      );
      let written = 0;
      for (let i = 0; i < bars.length; i += CHUNK) {
        const chunk = bars.slice(i, i + CHUNK);
        const values = chunk.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ");
        const params = chunk.flatMap((b) => [
          meta.symbol,
          interval,
          b.ts,
          b.open,
          b.high,
          b.low,
          b.close,
          b.volume,
        ]);
        const r = await tx.run(
          `INSERT INTO intraday_bars (symbol, bar_interval, ts, open, high, low, close, volume)
           VALUES ${values}
           ON CONFLICT (symbol, bar_interval, ts) DO UPDATE SET open = excluded.open,
             high = excluded.high, low = excluded.low, close = excluded.close,
             volume = excluded.volume
           WHERE intraday_bars.open <> excluded.open OR intraday_bars.high <> excluded.high
              OR intraday_bars.low <> excluded.low OR intraday_bars.close <> excluded.close
              OR intraday_bars.volume <> excluded.volume`,
          params,
        );
        written += r.changes;
      }
      if (written > 0) {
        await tx.run("UPDATE symbols SET data_version = data_version + 1 WHERE symbol = ?", [
          meta.symbol,
        ]);
      }
      return written;
    });
  }
}
