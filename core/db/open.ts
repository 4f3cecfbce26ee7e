import { type Db, parseDatabaseUrl } from "./db.ts";
import { openSqlite } from "./sqlite.ts";

/**
 * Opens the database named by `DATABASE_URL`: SQLite for `sqlite:///path`, PostgreSQL for
 * `postgres://…`.
 */
export async function openDatabase(url: string): Promise<Db> {
  const target = parseDatabaseUrl(url);
  if (target.kind === "sqlite") return await openSqlite(target.path);
  const { openPostgres } = await import("./postgres.ts");
  return await openPostgres(target.url);
}
