import postgres from "postgres";
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

// deno-lint-ignore no-explicit-any
type Sql = postgres.Sql<any> | postgres.TransactionSql<any>;

class PgConn implements Db {
  readonly dialect = "postgres" as const;
  readonly #sql: Sql;
  readonly #root: postgres.Sql | null;

  constructor(sql: Sql, root: postgres.Sql | null) {
    this.#sql = sql;
    this.#root = root;
  }

  async query<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const rows = await this.#sql.unsafe(
      toPgPlaceholders(sql),
      params as postgres.ParameterOrJSON<never>[],
    );
    return rows as unknown as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<RunResult> {
    const r = await this.#sql.unsafe(
      toPgPlaceholders(sql),
      params as postgres.ParameterOrJSON<never>[],
    );
    return { changes: r.count ?? 0 };
  }

  async exec(sql: string): Promise<void> {
    await this.#sql.unsafe(sql);
  }

  async transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T> {
    if (!this.#root) return fn(this);
    return await this.#root.begin((tx) => fn(new PgConn(tx, null))) as T;
  }

  async close(): Promise<void> {
    if (this.#root) await this.#root.end({ timeout: 5 });
  }
}

/** Opens a pooled PostgreSQL connection with `npm:postgres`. */
export function openPostgres(url: string, { max = 10 }: { max?: number } = {}): Promise<Db> {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    types: {
      bigint: {
        to: 20,
        from: [20],
        parse: (x: string) => Number(x),
        serialize: (x: number) => String(x),
      },
    },
    transform: { undefined: null },
  });
  return Promise.resolve(new PgConn(sql, sql));
}
