/**
 * The database interface both backends implement (SQLite via `node:sqlite`, PostgreSQL via
 * `npm:postgres`). SQL is written once, portably, with `?` placeholders; each backend adapts it.
 *
 * @module
 */

/** A value bound to a `?` placeholder. */
export type SqlValue = string | number | bigint | null | boolean;

/** Result of a write statement. */
export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

/** A connection (or a transaction on one). */
export interface Db {
  /** Which SQL dialect the backend speaks, for the few statements that differ. */
  readonly dialect: "sqlite" | "postgres";
  /** Runs a query and returns its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a write statement. */
  run(sql: string, params?: readonly SqlValue[]): Promise<RunResult>;
  /** Runs several `;`-separated statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws.
   * Writes from other callers wait until it ends, so a state change is never half-applied.
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Closes the connection(s). */
  close(): Promise<void>;
}

/** Parses `DATABASE_URL` into a backend kind and its location. */
export function parseDatabaseUrl(
  url: string,
): { kind: "sqlite"; path: string } | { kind: "postgres"; url: string } {
  if (url === "sqlite::memory:") return { kind: "sqlite", path: ":memory:" };
  if (url.startsWith("sqlite:///")) return { kind: "sqlite", path: url.slice("sqlite:///".length) };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  throw new RangeError(
    `Cannot open database: unsupported DATABASE_URL scheme in "${redactUrl(url)}"`,
  );
}

/** Hides the password of a connection URL so it can be logged. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):([^@]*)@/, "//$1:***@");
}
