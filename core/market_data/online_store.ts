import type { Db } from "../db/db.ts";
import type { DividendEvent, SplitEvent } from "./bar.ts";
import type { Actions, PriceBasis } from "./adjust.ts";
import type { Bar } from "./bar.ts";

/** Source fields of a symbol. */
export interface SymbolSource {
  /** Ticker. */
  symbol: string;
  /** `embedded`, `csv`, `yahoo` or `twse`. */
  provider: string;
  /** Basis of the stored prices. */
  price_basis: PriceBasis;
  /** Market code. */
  market: string;
  /** Last refresh instant (ISO), if any. */
  refreshed_at: string | null;
}

/** A provider answer that was not applied because it contradicted stored history. */
export interface QuarantineEntry {
  /** Row id. */
  id: number;
  /** Ticker. */
  symbol: string;
  /** Provider id. */
  provider: string;
  /** When it arrived (ISO). */
  received_at: string;
  /** Why it was refused. */
  reason: string;
  /** JSON details (the contradicting bars). */
  details: string;
}

/** Corporate actions, provider sources, quarantine and job leases. */
export class OnlineStore {
  readonly #db: Db;
  /** @param db an open, migrated database */
  constructor(db: Db) {
    this.#db = db;
  }

  /** Source fields of a symbol, or null when unknown. */
  async source(symbol: string): Promise<SymbolSource | null> {
    const r = await this.#db.query<SymbolSource>(
      "SELECT symbol, provider, price_basis, market, refreshed_at FROM symbols WHERE symbol = ?",
      [symbol],
    );
    return r[0] ?? null;
  }

  /** Symbols served by an online provider. */
  async onlineSymbols(): Promise<SymbolSource[]> {
    return await this.#db.query<SymbolSource>(
      "SELECT symbol, provider, price_basis, market, refreshed_at FROM symbols WHERE provider IN ('yahoo', 'twse') ORDER BY symbol",
    );
  }

  /** Splits and dividends of a symbol. */
  async actions(symbol: string): Promise<Actions> {
    const rows = await this.#db.query<{ date: string; kind: string; value: number }>(
      "SELECT date, kind, value FROM corporate_actions WHERE symbol = ? ORDER BY date",
      [symbol],
    );
    const splits: SplitEvent[] = [], dividends: DividendEvent[] = [];
    for (const r of rows) {
      if (r.kind === "split") splits.push({ date: r.date, ratio: Number(r.value) });
      else if (r.kind === "dividend") dividends.push({ date: r.date, amount: Number(r.value) });
    }
    return { splits, dividends };
  }

  /** Records a refused provider answer. */
  async quarantine(e: Omit<QuarantineEntry, "id">): Promise<void> {
    await this.#db.run(
      "INSERT INTO quarantine (symbol, provider, received_at, reason, details) VALUES (?, ?, ?, ?, ?)",
      [e.symbol, e.provider, e.received_at, e.reason, e.details],
    );
  }

  /** Latest quarantined answers of a symbol (newest first). */
  async quarantined(symbol: string, limit = 20): Promise<QuarantineEntry[]> {
    return await this.#db.query<QuarantineEntry>(
      "SELECT id, symbol, provider, received_at, reason, details FROM quarantine WHERE symbol = ? ORDER BY received_at DESC, id DESC LIMIT ?",
      [symbol, limit],
    );
  }

  /**
   * Applies a reconciled provider answer in one transaction: upserts the symbol with its
   * provider and basis, re-bases stored prices for splits, inserts the new bars and the
   * corporate actions, bumps the data version. A stored symbol keeps its name unless `rename`.
   * `replaceAll` (an admin operation) first deletes the stored bars and actions. A split
   * re-bases stored prices only when this transaction records it, so two refreshes that read
   * the same history (two instances) never apply it twice; on PostgreSQL the transaction also
   * holds the symbol's advisory lock.
   */
  async applyRefresh(a: {
    symbol: string;
    name: string;
    /** Chinese name from the provider (kept when null). */
    nameZh?: string | null;
    rename: boolean;
    market: string;
    currency: string;
    provider: string;
    basis: PriceBasis;
    inUniverse: boolean;
    replaceAll: boolean;
    bars: readonly Bar[];
    rescale: readonly { before: string; factor: number }[];
    splits: readonly SplitEvent[];
    dividends: readonly DividendEvent[];
    now: string;
  }): Promise<number> {
    return await this.#db.transaction(async (tx) => {
      if (tx.dialect === "postgres") {
        await tx.query("SELECT pg_advisory_xact_lock(hashtext(?))", [`refresh:${a.symbol}`]);
      }
      await tx.run(
        `INSERT INTO symbols (symbol, name, market, currency, source, in_universe, data_version, added_at, provider, price_basis, refreshed_at, name_zh)
         VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?)
         ON CONFLICT (symbol) DO UPDATE SET name = ${
          a.rename ? "excluded.name" : "symbols.name"
        }, market = excluded.market, currency = excluded.currency,
           source = excluded.source, provider = excluded.provider, price_basis = excluded.price_basis,
           refreshed_at = excluded.refreshed_at, data_version = symbols.data_version + 1,
           name_zh = COALESCE(excluded.name_zh, symbols.name_zh),
           in_universe = CASE WHEN excluded.in_universe = 1 THEN 1 ELSE symbols.in_universe END`,
        [
          a.symbol,
          a.name,
          a.market,
          a.currency,
          a.provider,
          a.inUniverse ? 1 : 0,
          a.now,
          a.provider,
          a.basis,
          a.now,
          a.nameZh ?? null,
        ],
      );
      if (a.replaceAll) {
        await tx.run("DELETE FROM candles WHERE symbol = ?", [a.symbol]);
        await tx.run("DELETE FROM corporate_actions WHERE symbol = ?", [a.symbol]);
      }
      for (const r of a.rescale) {
        // Record the split first: when another refresh already did, its re-basing is done.
        const split = a.splits.find((s) => s.date === r.before);
        const recorded = await tx.run(
          "INSERT INTO corporate_actions (symbol, date, kind, value) VALUES (?, ?, 'split', ?) ON CONFLICT (symbol, date, kind) DO NOTHING",
          [a.symbol, r.before, split?.ratio ?? 1 / r.factor],
        );
        if (recorded.changes === 0) continue;
        await tx.run(
          "UPDATE candles SET open = open * ?, high = high * ?, low = low * ?, close = close * ?, volume = volume / ? WHERE symbol = ? AND date < ?",
          [r.factor, r.factor, r.factor, r.factor, r.factor, a.symbol, r.before],
        );
      }
      let written = 0;
      for (let i = 0; i < a.bars.length; i += 200) {
        const chunk = a.bars.slice(i, i + 200);
        const r = await tx.run(
          `INSERT INTO candles (symbol, date, open, high, low, close, volume) VALUES ${
            chunk.map(() => "(?, ?, ?, ?, ?, ?, ?)").join(", ")
          }
           ON CONFLICT (symbol, date) DO NOTHING`,
          chunk.flatMap((b) => [a.symbol, b.date, b.open, b.high, b.low, b.close, b.volume]),
        );
        written += r.changes;
      }
      for (const s of a.splits) {
        await tx.run(
          "INSERT INTO corporate_actions (symbol, date, kind, value) VALUES (?, ?, 'split', ?) ON CONFLICT (symbol, date, kind) DO NOTHING",
          [a.symbol, s.date, s.ratio],
        );
      }
      for (const d of a.dividends) {
        await tx.run(
          "INSERT INTO corporate_actions (symbol, date, kind, value) VALUES (?, ?, 'dividend', ?) ON CONFLICT (symbol, date, kind) DO NOTHING",
          [a.symbol, d.date, d.amount],
        );
      }
      return written;
    });
  }

  /** Renames a stored symbol (an admin operation); false when the symbol is unknown. */
  async rename(symbol: string, name: string): Promise<boolean> {
    const r = await this.#db.run(
      "UPDATE symbols SET name = ?, data_version = data_version + 1 WHERE symbol = ?",
      [name, symbol],
    );
    return r.changes === 1;
  }

  /**
   * Takes the lease `name` for `ttlMs` unless another holder has an unexpired one; true when
   * `holder` now holds it. Works across instances (one conditional write).
   */
  async acquireLease(name: string, holder: string, nowMs: number, ttlMs: number): Promise<boolean> {
    const now = new Date(nowMs).toISOString(), until = new Date(nowMs + ttlMs).toISOString();
    return await this.#db.transaction(async (tx) => {
      await tx.run(
        "INSERT INTO job_leases (name, holder, expires_at) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING",
        [name, "", now],
      );
      const r = await tx.run(
        "UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ? AND (expires_at <= ? OR holder = ?)",
        [holder, until, name, now, holder],
      );
      return r.changes === 1;
    });
  }
}
