import { DatabaseSync, type StatementSync } from "node:sqlite";
import type { Db, RunResult, SqlValue } from "./db.ts";

/** A FIFO async lock: one holder at a time. */
class Mutex {
  #tail: Promise<void> = Promise.resolve();
  /** Waits for the lock; call the returned function to release it. */
  acquire(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

type Bindable = string | number | bigint | null | Uint8Array;

function bind(params: readonly SqlValue[]): Bindable[] {
  return params.map((p) => (typeof p === "boolean" ? (p ? 1 : 0) : p));
}

class SqliteConn implements Db {
  readonly dialect = "sqlite" as const;
  readonly #db: DatabaseSync;
  readonly #stmts = new Map<string, StatementSync>();
  readonly #lock: Mutex;
  readonly #inTx: boolean;

  constructor(db: DatabaseSync, lock: Mutex, inTx: boolean) {
    this.#db = db;
    this.#lock = lock;
    this.#inTx = inTx;
  }

  #prepare(sql: string): StatementSync {
    let s = this.#stmts.get(sql);
    if (!s) {
      s = this.#db.prepare(sql);
      if (this.#stmts.size > 500) this.#stmts.clear();
      this.#stmts.set(sql, s);
    }
    return s;
  }

  query<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    try {
      return Promise.resolve(this.#prepare(sql).all(...bind(params)) as T[]);
    } catch (e) {
      return Promise.reject(e);
    }
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const exec = () => {
      const r = this.#prepare(sql).run(...bind(params));
      return { changes: Number(r.changes) };
    };
    if (this.#inTx) return exec();
    const release = await this.#lock.acquire();
    try {
      return exec();
    } finally {
      release();
    }
  }

  async exec(sql: string): Promise<void> {
    if (this.#inTx) return void this.#db.exec(sql);
    const release = await this.#lock.acquire();
    try {
      this.#db.exec(sql);
    } finally {
      release();
    }
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (this.#inTx) return fn(this);
    const release = await this.#lock.acquire();
    try {
      this.#db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn(new SqliteConn(this.#db, this.#lock, true));
        this.#db.exec("COMMIT");
        return result;
      } catch (e) {
        this.#db.exec("ROLLBACK");
        throw e;
      }
    } finally {
      release();
    }
  }

  close(): Promise<void> {
    this.#stmts.clear();
    this.#db.close();
    return Promise.resolve();
  }
}

/**
 * Opens a SQLite database with `node:sqlite` in WAL mode (a file path or `:memory:`), creating
 * the parent directory of a file when missing. Writes are serialised by an async lock so that a
 * transaction never interleaves with another caller's writes.
 *
 * @example
 * ```ts
 * import { openSqlite } from "./sqlite.ts";
 *
 * // a service opens its file, e.g. "./data/trading.db"; the example uses memory
 * const db = await openSqlite(":memory:");
 * await db.query("SELECT 1 AS one");
 * await db.close();
 * ```
 */
export async function openSqlite(path: string): Promise<Db> {
  if (path !== ":memory:") {
    const dir = path.replace(/[\\/][^\\/]*$/, "");
    if (dir && dir !== path) await Deno.mkdir(dir, { recursive: true });
  }
  const db = new DatabaseSync(path);
  db.exec("PRAGMA journal_mode = WAL");
  db.exec("PRAGMA synchronous = NORMAL");
  db.exec("PRAGMA foreign_keys = ON");
  db.exec("PRAGMA busy_timeout = 5000");
  return new SqliteConn(db, new Mutex(), false);
}
