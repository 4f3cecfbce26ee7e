import type { Db } from "./db.ts";
import { MIGRATIONS } from "./migrations/mod.ts";

/** One schema change with its inverse. SQL is portable; `{{id}}` becomes an auto-increment key. */
export interface Migration {
  /** Strictly increasing version number. */
  version: number;
  /** Short name shown in logs. */
  name: string;
  /** Statements applied going forward. */
  up: string;
  /** Statements that undo `up`. */
  down: string;
}

export { MIGRATIONS };

function dialectSql(db: Db, sql: string): string {
  return sql.replaceAll(
    "{{id}}",
    db.dialect === "postgres" ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY AUTOINCREMENT",
  );
}

async function ensureTable(db: Db): Promise<void> {
  await db.exec(
    `CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`,
  );
}

/** Versions currently applied, ascending. */
export async function appliedVersions(db: Db): Promise<number[]> {
  await ensureTable(db);
  const rows = await db.query<{ version: number }>(
    "SELECT version FROM schema_migrations ORDER BY version",
  );
  return rows.map((r) => Number(r.version));
}

/**
 * Applies every pending migration up to `target` (default: the latest), each in its own
 * transaction. Returns the versions applied.
 */
export async function migrateUp(
  db: Db,
  { migrations = MIGRATIONS, target = Infinity, now = () => new Date().toISOString() }: {
    migrations?: readonly Migration[];
    target?: number;
    now?: () => string;
  } = {},
): Promise<number[]> {
  const done = new Set(await appliedVersions(db));
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version > target || done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(dialectSql(tx, m.up));
      await tx.run("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", [
        m.version,
        m.name,
        now(),
      ]);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Rolls back the latest `steps` applied migrations (default 1). Returns the versions undone. */
export async function migrateDown(
  db: Db,
  { migrations = MIGRATIONS, steps = 1 }: { migrations?: readonly Migration[]; steps?: number } =
    {},
): Promise<number[]> {
  const applied = (await appliedVersions(db)).reverse().slice(0, steps);
  const undone: number[] = [];
  for (const v of applied) {
    const m = migrations.find((x) => x.version === v);
    if (!m) throw new Error(`Cannot roll back migration ${v}: it is not known to this build`);
    await db.transaction(async (tx) => {
      await tx.exec(dialectSql(tx, m.down));
      await tx.run("DELETE FROM schema_migrations WHERE version = ?", [v]);
    });
    undone.push(v);
  }
  return undone;
}
