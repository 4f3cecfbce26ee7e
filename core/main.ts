import { ConfigError, CoreEnvSchema, loadConfig, readEnv } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "./app.ts";
import { buildDeps } from "./deps.ts";
import { redactUrl } from "./db/db.ts";
import { startOnlineSync } from "./market_data/online_sync.ts";

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
  const deps = await buildDeps(config, logger);
  const app = createCoreApp(deps);
  const server = Deno.serve({
    hostname: config.HOST,
    port: config.PORT,
    onListen: ({ hostname, port }) =>
      logger.info("listening", {
        url: `http://${hostname}:${port}`,
        database: redactUrl(config.DATABASE_URL),
      }),
  }, app.fetch);
  const sync = new AbortController();
  if (config.MARKET_DATA === "online") {
    startOnlineSync({ ...deps, holder: crypto.randomUUID() }, { signal: sync.signal });
  }
  const stop = async () => {
    sync.abort();
    await server.shutdown();
    await deps.db.close();
    Deno.exit(0);
  };
  Deno.addSignalListener("SIGINT", stop);
  Deno.addSignalListener("SIGTERM", stop);
}

if (import.meta.main) await main();
