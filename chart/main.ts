import { ChartEnvSchema, ConfigError, loadConfig, readEnv } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createChartApp } from "./app.ts";
import { guardedServe, guardOptions } from "@trading/shared/http";

/** Starts the chart service. */
function main(): void {
  let config;
  try {
    config = loadConfig(ChartEnvSchema, readEnv(ChartEnvSchema));
  } catch (e) {
    if (e instanceof ConfigError) {
      Deno.stderr.writeSync(new TextEncoder().encode(`chart: ${e.message}\n`));
      Deno.exit(2);
    }
    throw e;
  }
  const logger = createLogger({
    service: "chart",
    level: config.DEBUG ? "debug" : config.LOG_LEVEL,
  });
  const app = createChartApp({
    config,
    logger,
    fetch,
    startedAt: Date.now(),
    rateLimit: { proxyHops: config.TRUST_PROXY_HOPS },
  });
  guardedServe({
    ...guardOptions(config),
    onListen: ({ hostname, port }) =>
      logger.info("listening", { url: `http://${hostname}:${port}` }),
  }, app.fetch);
}

if (import.meta.main) main();
