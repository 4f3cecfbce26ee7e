import { ConfigError, CoreEnvSchema, loadConfig, readEnv } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "./app.ts";
import { buildDeps } from "./deps.ts";
import { redactUrl } from "./db/db.ts";
import { startOnlineSync } from "./market_data/online_sync.ts";
import { guardedServe, guardOptions } from "@trading/shared/http";

/** Starts the core service: config → dependencies → HTTP server. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(CoreEnvSchema, readEnv(CoreEnvSchema));
  } catch (e) {
    if (e instanceof ConfigError) {
      Deno.stderr.writeSync(new TextEncoder().encode(`core: ${e.message}\n`));
      Deno.exit(2);
    }
    throw e;
  }
  const logger = createLogger({
    service: "core",
    level: config.DEBUG ? "debug" : config.LOG_LEVEL,
  });
  let deps;
  try {
    deps = await buildDeps(config, logger);
  } catch (e) {
    // e.g. a read-only or missing data directory, an unreachable database: one clear line
    logger.error("cannot start", {
      database: redactUrl(config.DATABASE_URL),
      error: e instanceof Error ? e.message : String(e),
    });
    Deno.stderr.writeSync(
      new TextEncoder().encode(
        `core: cannot start: ${e instanceof Error ? e.message : String(e)} ` +
          `(DATABASE_URL ${redactUrl(config.DATABASE_URL)})\n`,
      ),
    );
    Deno.exit(1);
  }
  const app = createCoreApp(deps);
  const server = guardedServe({
    ...guardOptions(config),
    onListen: ({ hostname, port }) =>
      logger.info("listening", {
        url: `http://${hostname}:${port}`,
        database: redactUrl(config.DATABASE_URL),
      }),
  }, app.fetch);
  if (config.MARKET_DATA === "online") {
    startOnlineSync({ ...deps, holder: crypto.randomUUID() }, { signal: deps.shutdown.signal });
  }
  const stop = async () => {
    // Abort outbound provider calls first, so in-flight backfills end and shutdown() returns.
    deps.shutdown.abort();
    await server.shutdown();
    await deps.db.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}

if (import.meta.main) await main();
