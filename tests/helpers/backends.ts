/**
 * Runs the same tests on SQLite and on PostgreSQL. Two ways:
 * - {@link backendTest} registers one `Deno.test` per backend, for tests written for both;
 * - {@link rerunOnPostgres} imports existing test modules again with {@link testDatabaseUrl}
 *   (used by `testCoreApp()`) switched to PostgreSQL, so every HTTP suite that builds its app
 *   with `testCoreApp()` also runs on PostgreSQL without being copied.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import type { Db } from "../../core/db/db.ts";
import { openDatabase } from "../../core/db/open.ts";
import { buildDeps } from "../../core/deps.ts";
import { sharedPostgres } from "./postgres.ts";

/** The two database backends. */
export type Backend = "sqlite" | "postgres";

/** Both backends, SQLite first. */
export const BACKENDS: readonly Backend[] = ["sqlite", "postgres"];

let current: Backend = "sqlite";

/** The backend `testCoreApp()` uses in this test process (default SQLite). */
export function currentBackend(): Backend {
  return current;
}

/** The embedded dataset's folder. */
export const DATA_DIR = new URL("../../core/data/market", import.meta.url).pathname;

let seededTemplate: Promise<string> | null = null;

/** A PostgreSQL database migrated and seeded once per process, copied for each test app. */
function seededPgTemplate(): Promise<string> {
  seededTemplate ??= (async () => {
    const pg = await sharedPostgres();
    const name = `seeded_${Deno.pid}_${crypto.randomUUID().slice(0, 6)}`;
    const url = await pg.createDatabase(name);
    const config = loadConfig(CoreEnvSchema, { DATABASE_URL: url, DATA_DIR });
    const deps = await buildDeps(config, createLogger({ service: "test", write: () => {} }));
    await deps.db.close();
    return name;
  })();
  return seededTemplate;
}

/**
 * A fresh database URL on `backend`: an in-memory SQLite database, or a new PostgreSQL database
 * on this process's private cluster (already migrated and seeded when `seeded`).
 */
export async function freshDatabaseUrl(
  backend: Backend = current,
  { seeded = false }: { seeded?: boolean } = {},
): Promise<string> {
  if (backend === "sqlite") return "sqlite::memory:";
  const pg = await sharedPostgres();
  return seeded
    ? await pg.createDatabase(undefined, await seededPgTemplate())
    : await pg.createDatabase();
}

/**
 * The `DATABASE_URL` a test core app gets on the current backend: `sqlite::memory:`, or on
 * PostgreSQL a copy of a seeded template (or an empty database when `SEED_DATA=none`).
 */
export function testDatabaseUrl(env: Record<string, string>): Promise<string> {
  return freshDatabaseUrl(current, { seeded: env.SEED_DATA !== "none" });
}

/** Opens a fresh, empty (unmigrated) database on `backend`. */
export async function openTestDb(backend: Backend): Promise<Db> {
  return await openDatabase(await freshDatabaseUrl(backend));
}

/** Registers `fn` once per backend as `"<name> [sqlite]"` and `"<name> [postgres]"`. */
export function backendTest(name: string, fn: (backend: Backend) => Promise<void>): void {
  for (const backend of BACKENDS) {
    Deno.test({
      name: `${name} [${backend}]`,
      // postgres.js keeps pooled sockets and idle timers between tests of one process
      sanitizeResources: backend === "sqlite",
      sanitizeOps: backend === "sqlite",
      fn: () => fn(backend),
    });
  }
}

type TestFn = (t: Deno.TestContext) => void | Promise<void>;

/**
 * Imports `modules` (test files) with the backend switched to PostgreSQL and every test they
 * register renamed `"<name> [postgres]"`. Call it at the top level of a test file.
 */
export async function rerunOnPostgres(modules: readonly string[]): Promise<void> {
  const original = Deno.test;
  const wrapped = (...args: unknown[]) => {
    let def: Deno.TestDefinition;
    if (typeof args[0] === "string") {
      def = typeof args[1] === "function"
        ? { name: args[0], fn: args[1] as TestFn }
        : { ...(args[1] as object), name: args[0], fn: args[2] as TestFn };
    } else if (typeof args[0] === "function") {
      def = { name: (args[0] as TestFn).name, fn: args[0] as TestFn };
    } else def = args[0] as Deno.TestDefinition;
    return original({
      ...def,
      name: `${def.name} [postgres]`,
      sanitizeResources: false,
      sanitizeOps: false,
    });
  };
  Object.assign(wrapped, { ignore: original.ignore, only: original.only });
  current = "postgres";
  (Deno as { test: unknown }).test = wrapped;
  try {
    for (const m of modules) await import(m);
  } finally {
    (Deno as { test: unknown }).test = original;
  }
}
