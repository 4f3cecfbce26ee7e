/**
 * PostgreSQL backend of {@link Db} on `npm:postgres`: `?` placeholders rewritten to `$n`,
 * `bigint`/`numeric` parsed to numbers (as SQLite returns them), pooled connections that
 * survive a server restart (connection errors are retried for a bounded time, then surface as
 * a 503 {@link UnavailableError}).
 *
 * @module
 */
import { AsyncLocalStorage } from "node:async_hooks";
import postgres from "postgres";
import { UnavailableError } from "@trading/shared/errors";
import type { Db, RunResult, SqlValue } from "./db.ts";

/** Rewrites `?` placeholders (outside quotes) into PostgreSQL's `$1, $2…`. */
export function toPgPlaceholders(sql: string): string {
  let n = 0;
  let out = "";
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === "?") out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/** Codes of errors after which the same statement may succeed on a new connection. */
const RETRIABLE = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up / shutting down)
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
]);

/** True when `e` says the database could not be reached (not a bad statement). */
export function isConnectionError(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && (RETRIABLE.has(code) || code === "CONNECTION_ENDED");
}

function retriable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  return typeof code === "string" && RETRIABLE.has(code);
}

/** Pool and retry settings; see {@link openPostgres}. */
export interface PgOptions {
  /** Maximum connections in the pool (default 10; URL `?pool_max=`). */
  max?: number;
  /** Seconds an idle connection is kept (default 30; URL `?pool_idle_timeout=`). */
  idleTimeout?: number;
  /** Seconds to wait for a connection (default 5; URL `?connect_timeout=`). */
  connectTimeout?: number;
  /** Seconds before a connection is recycled (default 1800; URL `?pool_max_lifetime=`). */
  maxLifetime?: number;
  /** How long (ms) a statement is retried while the server is unreachable (default 5000). */
  retryForMs?: number;
}

/** Splits our pool settings off a URL (the server would reject unknown startup parameters). */
export function splitPoolOptions(url: string): { url: string; options: PgOptions } {
  const u = new URL(url);
  const options: PgOptions = {};
  const keys: [string, keyof PgOptions][] = [
    ["pool_max", "max"],
    ["pool_idle_timeout", "idleTimeout"],
    ["connect_timeout", "connectTimeout"],
    ["pool_max_lifetime", "maxLifetime"],
    ["retry_for_ms", "retryForMs"],
  ];
  for (const [param, key] of keys) {
    const v = u.searchParams.get(param);
    if (v === null) continue;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) {
      throw new RangeError(`Cannot open database: ${param} must be a non-negative number`);
    }
    options[key] = n;
    u.searchParams.delete(param);
  }
  return { url: u.toString(), options };
}

// deno-lint-ignore no-explicit-any
type Sql = postgres.Sql<any> | postgres.TransactionSql<any>;
type Params = postgres.ParameterOrJSON<never>[];

/**
 * The transaction running in the current async context, per pool. A query sent to the pool
 * (not to `tx`) from inside a transaction callback — e.g. a cache that loads through the root
 * `Db` — runs on the transaction's connection instead of taking a second one: otherwise N
 * concurrent transactions that each wait for one more connection exhaust a pool of N and hang.
 */
const inTransaction = new AsyncLocalStorage<{ root: postgres.Sql; conn: PgConn }>();

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const bind = (params: readonly SqlValue[]) =>
  params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p)) as Params;

class PgConn implements Db {
  readonly dialect = "postgres" as const;
  readonly #sql: Sql;
  readonly #root: postgres.Sql | null;
  readonly #retryForMs: number;

  constructor(sql: Sql, root: postgres.Sql | null, retryForMs: number) {
    this.#sql = sql;
    this.#root = root;
    this.#retryForMs = retryForMs;
  }

  /** Runs `op`, retrying connection failures outside transactions for a bounded time. */
  async #withRetry<T>(op: () => Promise<T>): Promise<T> {
    const deadline = performance.now() + (this.#root ? this.#retryForMs : 0);
    for (let attempt = 0;; attempt++) {
      try {
        return await op();
      } catch (e) {
        if (!isConnectionError(e)) throw e;
        if (!retriable(e) || performance.now() >= deadline) {
          throw new UnavailableError("Database unavailable", {
            cause: `${(e as Error).message} (${(e as { code: string }).code})`,
          });
        }
        await sleep(Math.min(50 * 2 ** attempt, 500));
      }
    }
  }

  /** The enclosing transaction's connection when called on the pool from inside one. */
  #enclosing(): PgConn | null {
    const ctx = this.#root ? inTransaction.getStore() : undefined;
    return ctx && ctx.root === this.#root ? ctx.conn : null;
  }

  async query<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const tx = this.#enclosing();
    if (tx) return await tx.query<T>(sql, params);
    const text = toPgPlaceholders(sql);
    const rows = await this.#withRetry(() =>
      this.#sql.unsafe(text, bind(params), { prepare: params.length > 0 })
    );
    // a plain array, like SQLite's (postgres.js adds count/columns/state to its result)
    return Array.from(rows) as unknown as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const tx = this.#enclosing();
    if (tx) return await tx.run(sql, params);
    const text = toPgPlaceholders(sql);
    const r = await this.#withRetry(() =>
      this.#sql.unsafe(text, bind(params), { prepare: params.length > 0 })
    );
    return { changes: r.count ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    const tx = this.#enclosing();
    if (tx) return await tx.exec(sql);
    await this.#withRetry(() => this.#sql.unsafe(sql));
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    const root = this.#root;
    const enclosing = this.#enclosing();
    if (!root || enclosing) return fn(enclosing ?? this);
    try {
      return await root.begin((tx) => {
        const conn = new PgConn(tx, null, 0);
        return inTransaction.run({ root, conn }, () => fn(conn));
      }) as T;
    } catch (e) {
      if (isConnectionError(e)) {
        throw new UnavailableError("Database unavailable", { cause: (e as Error).message });
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    if (this.#root) await this.#root.end({ timeout: 2 });
  }
}

const toNumber = {
  to: 20,
  from: [20, 1700],
  parse: (x: string) => Number(x),
  serialize: (x: number) => String(x),
};

/**
 * Opens a pooled PostgreSQL connection with `npm:postgres`. Pool settings come from `options`
 * or from the URL's query (`?pool_max=20&pool_idle_timeout=30&connect_timeout=5`), which are
 * removed before connecting. The first query checks the server is reachable.
 *
 * @example
 * ```ts ignore
 * // not run by `deno test --doc`: it needs a PostgreSQL server
 * import { openPostgres } from "./postgres.ts";
 *
 * const db = await openPostgres("postgres://app:secret@127.0.0.1:5432/trading?pool_max=20");
 * ```
 */
export async function openPostgres(url: string, options: PgOptions = {}): Promise<Db> {
  const split = splitPoolOptions(url);
  const o = { ...split.options, ...options };
  const sql = postgres(split.url, {
    max: o.max ?? 10,
    idle_timeout: o.idleTimeout ?? 30,
    connect_timeout: o.connectTimeout ?? 5,
    max_lifetime: o.maxLifetime ?? 1800,
    // reconnect quickly once the server is back (the default backs off to 20 s)
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
    onnotice: () => {},
    types: { bigint: toNumber },
    transform: { undefined: null },
    // a lock wait or an abandoned transaction fails instead of hanging a request forever
    connection: {
      application_name: "trading-core",
      lock_timeout: 15_000,
      idle_in_transaction_session_timeout: 60_000,
    },
  });
  const db = new PgConn(sql, sql, o.retryForMs ?? 5000);
  try {
    await db.query("SELECT 1");
  } catch (e) {
    await sql.end({ timeout: 1 });
    throw e;
  }
  return db;
}
