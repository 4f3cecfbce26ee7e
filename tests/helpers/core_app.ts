import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "../../core/app.ts";
import { buildDeps, type CoreDeps } from "../../core/deps.ts";
import { testDatabaseUrl } from "./backends.ts";

/** Captured log lines of a test app. */
export const silentLogger = () => {
  const lines: string[] = [];
  return {
    lines,
    logger: createLogger({ service: "test", level: "debug", write: (l) => lines.push(l) }),
  };
};

/**
 * A core app on a fresh database seeded with the embedded dataset: in-memory SQLite, or a
 * PostgreSQL database when the suite is re-run by `rerunOnPostgres()` (tests/helpers/backends.ts).
 * Its routes check their answers against their declared response schemas (a mismatch is a 500).
 */
export async function testCoreApp(env: Record<string, string> = {}): Promise<
  { app: ReturnType<typeof createCoreApp>; deps: CoreDeps; logs: string[] }
> {
  const config = loadConfig(CoreEnvSchema, {
    DATABASE_URL: await testDatabaseUrl(env),
    DATA_DIR: new URL("../../core/data/market", import.meta.url).pathname,
    ...env,
  });
  const { lines, logger } = silentLogger();
  // every answer of a test app is checked against its route's declared response schema
  // (set on the built object: parts of it, e.g. the intraday fetcher, read its later changes)
  const deps: CoreDeps = await buildDeps(config, logger);
  deps.checkResponses = true;
  return { app: createCoreApp(deps), deps, logs: lines };
}
