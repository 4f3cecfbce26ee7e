import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "../../core/app.ts";
import { buildDeps, type CoreDeps } from "../../core/deps.ts";

/** Captured log lines of a test app. */
export const silentLogger = () => {
  const lines: string[] = [];
  return {
    lines,
    logger: createLogger({ service: "test", level: "debug", write: (l) => lines.push(l) }),
  };
};

/** A core app on an in-memory SQLite database seeded with the embedded dataset. */
export async function testCoreApp(env: Record<string, string> = {}): Promise<
  { app: ReturnType<typeof createCoreApp>; deps: CoreDeps; logs: string[] }
> {
  const config = loadConfig(CoreEnvSchema, {
    DATABASE_URL: "sqlite::memory:",
    DATA_DIR: new URL("../../core/data/market", import.meta.url).pathname,
    ...env,
  });
  const { lines, logger } = silentLogger();
  const deps = await buildDeps(config, logger);
  return { app: createCoreApp(deps), deps, logs: lines };
}
