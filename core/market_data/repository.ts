import type { SymbolInfo } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import type { Bar } from "./bar.ts";
import { type Series, seriesFromBars } from "./series.ts";

/** Descriptive fields of a symbol. */
export interface SymbolMeta {
  /** Ticker, upper case. */
  symbol: string;
  /** Display name. */
  name: string;
  /** Market code, e.g. `US`. */
  market: string;
  /** Price currency, e.g. `USD`. */
  currency: string;
  /** Where the bars came from. */
  source: string;
  /** Chinese name, when the data gives one (a stored one is kept when absent). */
  nameZh?: string | null;
}

interface SymbolRow {
  symbol: string;
  name: string;
  name_zh: string | null;
  market: string;
  currency: string;
  source: string;
  bars: number;
  first: string | null;
  last: string | null;
}

/** Storage of symbols and daily candles, on any {@link Db} backend. */
export class MarketRepository {
  readonly #db: Db;
  /** @param db an open, migrated database */
  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Symbols with the extent of their history; the default universe only unless `all`. `query`
   * keeps the symbols (of every stored one) whose code, name or Chinese name contains it,
   * ignoring case: "2330" and "台積電" both find 2330.TW.
   */
  async listSymbols(
    { all = false, query }: { all?: boolean; query?: string } = {},
  ): Promise<SymbolInfo[]> {
    const rows = await this.#db.query<SymbolRow>(
      `SELECT s.symbol, s.name, s.name_zh, s.market, s.currency, s.source,
              COUNT(c.date) AS bars, MIN(c.date) AS first, MAX(c.date) AS last
         FROM symbols s LEFT JOIN candles c ON c.symbol = s.symbol
        ${all || query !== undefined ? "" : "WHERE s.in_universe = 1"}
        GROUP BY s.symbol, s.name, s.name_zh, s.market, s.currency, s.source
        ORDER BY s.symbol`,
    );
    const q = query?.trim().toUpperCase();
    return rows
      .filter((r) =>
        !q || r.symbol.toUpperCase().includes(q) || r.name.toUpperCase().includes(q) ||
        (r.name_zh ?? "").toUpperCase().includes(q)
      )
      .map((r) => ({ ...r, bars: Number(r.bars) }));
  }

  /** The data version of every symbol (bumped on each import). */
  async versions(): Promise<Map<string, number>> {
    const rows = await this.#db.query<{ symbol: string; data_version: number }>(
      "SELECT symbol, data_version FROM symbols",
    );
    return new Map(rows.map((r) => [r.symbol, Number(r.data_version)]));
  }

  /**
   * The data version of every symbol of the default universe (the bundled 13, or the online
   * universe once synced; a symbol loaded on first use is not in it).
   */
  async universeVersions(): Promise<Map<string, number>> {
    const rows = await this.#db.query<{ symbol: string; data_version: number }>(
      "SELECT symbol, data_version FROM symbols WHERE in_universe = 1 ORDER BY symbol",
    );
    return new Map(rows.map((r) => [r.symbol, Number(r.data_version)]));
  }

  /** Loads a symbol's whole history, or `null` when the symbol is unknown. */
  async loadSeries(symbol: string): Promise<Series | null> {
    const meta = await this.#db.query<{ data_version: number; market: string }>(
      "SELECT data_version, market FROM symbols WHERE symbol = ?",
      [symbol],
    );
    if (!meta[0]) return null;
    const rows = await this.#db.query<Bar>(
      "SELECT date, open, high, low, close, volume FROM candles WHERE symbol = ? ORDER BY date",
      [symbol],
    );
    return {
      ...seriesFromBars(symbol, rows, Number(meta[0].data_version)),
      market: meta[0].market,
    };
  }

  /** Number of stored bars and last date of a symbol. */
  async extent(symbol: string): Promise<{ bars: number; last: string | null }> {
    const r = await this.#db.query<{ bars: number; last: string | null }>(
      "SELECT COUNT(*) AS bars, MAX(date) AS last FROM candles WHERE symbol = ?",
      [symbol],
    );
    return { bars: Number(r[0]?.bars ?? 0), last: r[0]?.last ?? null };
  }

  /**
   * Stores a symbol and its bars in one transaction: new dates are inserted, existing dates
   * are replaced when `replace` (a re-import), kept otherwise. Bumps the data version.
   * Returns the number of rows written.
   */
  async importBars(
    meta: SymbolMeta,
    bars: readonly Bar[],
    { inUniverse = false, replace = true, now = new Date().toISOString() }: {
      inUniverse?: boolean;
      replace?: boolean;
      now?: string;
    } = {},
  ): Promise<number> {
    return await this.#db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO symbols (symbol, name, market, currency, source, in_universe, data_version, added_at, name_zh)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (symbol) DO UPDATE SET name = excluded.name, market = excluded.market,
           name_zh = COALESCE(excluded.name_zh, symbols.name_zh),
           currency = excluded.currency, source = excluded.source,
           in_universe = CASE WHEN excluded.in_universe = 1 THEN 1 ELSE symbols.in_universe END,
           data_version = symbols.data_version + 1`,
        [
          meta.symbol,
          meta.name,
          meta.market,
          meta.currency,
          meta.source,
          inUniverse ? 1 : 0,
          now,
          meta.nameZh ?? null,
        ],
      );
      const conflict = replace
        ? `DO UPDATE SET open = excluded.open, high = excluded.high, low = excluded.low,
             close = excluded.close, volume = excluded.volume`
        : "DO NOTHING";
      let written = 0;
      const CHUNK = 200;
      for (let i = 0; i < bars.length; i += CHUNK) {
        const chunk = bars.slice(i, i + CHUNK);
        const values = chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ");
        const params = chunk.flatMap((
          b,
        ) => [meta.symbol, b.date, b.open, b.high, b.low, b.close, b.volume]);
        const r = await tx.run(
          `INSERT INTO candles (symbol, date, open, high, low, close, volume) VALUES ${values}
           ON CONFLICT (symbol, date) ${conflict}`,
          params,
        );
        written += r.changes;
      }
      return written;
    });
  }

  /** Refreshes the planner statistics after a bulk load (`ANALYZE`, on both backends). */
  async analyze(): Promise<void> {
    await this.#db.exec("ANALYZE symbols; ANALYZE candles");
  }

  /** The provider a symbol's bars come from, or null when the symbol is unknown. */
  async providerOf(symbol: string): Promise<string | null> {
    const r = await this.#db.query<{ provider: string }>(
      "SELECT provider FROM symbols WHERE symbol = ?",
      [symbol],
    );
    return r[0]?.provider ?? null;
  }

  /** Marks exactly `symbols` as the default universe. */
  async setUniverse(symbols: readonly string[]): Promise<void> {
    await this.#db.transaction(async (tx) => {
      await tx.run("UPDATE symbols SET in_universe = 0");
      for (const s of symbols) {
        await tx.run("UPDATE symbols SET in_universe = 1 WHERE symbol = ?", [s]);
      }
    });
  }

  /** The basis of a symbol's stored prices (`raw`, `split_adjusted`), null when unknown. */
  async basisOf(symbol: string): Promise<string | null> {
    const r = await this.#db.query<{ price_basis: string }>(
      "SELECT price_basis FROM symbols WHERE symbol = ?",
      [symbol],
    );
    return r[0]?.price_basis ?? null;
  }

  /** Puts a stored symbol in the default universe (no-op when it is, or is unknown). */
  async joinUniverse(symbol: string): Promise<void> {
    await this.#db.run(
      "UPDATE symbols SET in_universe = 1 WHERE symbol = ? AND in_universe = 0",
      [symbol],
    );
  }

  /**
   * Takes the symbols of `provider` that are not in `keep` out of the default universe; their
   * bars stay (an embedded stand-in of an earlier release remains readable by name).
   */
  async leaveUniverse(keep: readonly string[], provider: string): Promise<void> {
    const marks = keep.map(() => "?").join(", ");
    await this.#db.run(
      `UPDATE symbols SET in_universe = 0
        WHERE in_universe = 1 AND provider = ?${
        keep.length ? ` AND symbol NOT IN (${marks})` : ""
      }`,
      [provider, ...keep],
    );
  }

  /** Sets the human-readable source of a symbol's bars (package or repository, licence). */
  async describeSource(symbol: string, source: string): Promise<void> {
    await this.#db.run("UPDATE symbols SET source = ? WHERE symbol = ?", [source, symbol]);
  }

  /** Records where a symbol's bars come from and the basis of their prices. */
  async setSource(
    symbol: string,
    provider: string,
    basis: "raw" | "split_adjusted",
  ): Promise<void> {
    await this.#db.run("UPDATE symbols SET provider = ?, price_basis = ? WHERE symbol = ?", [
      provider,
      basis,
      symbol,
    ]);
  }

  /** The default universe's size and the symbols of it without any bar (index seeks only). */
  async universeHealth(): Promise<{ universe: number; empty: string[] }> {
    const rows = await this.#db.query<{ symbol: string; has_bars: number }>(
      `SELECT s.symbol,
              CASE WHEN EXISTS (SELECT 1 FROM candles c WHERE c.symbol = s.symbol) THEN 1 ELSE 0 END AS has_bars
         FROM symbols s WHERE s.in_universe = 1 ORDER BY s.symbol`,
    );
    return {
      universe: rows.length,
      empty: rows.filter((r) => Number(r.has_bars) === 0).map((r) => r.symbol),
    };
  }

  /** Cheap liveness check of the store: the number of symbols. */
  async countSymbols(): Promise<number> {
    const r = await this.#db.query<{ n: number }>("SELECT COUNT(*) AS n FROM symbols");
    return Number(r[0]?.n ?? 0);
  }
}
