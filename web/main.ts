import { ConfigError, loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp } from "./app.ts";

/** Starts the web service. */
function main(): void {
  let config;
  try {
    config = loadConfig(WebEnvSchema, Deno.env.toObject());
  } catch (e) {
    if (e instanceof ConfigError) {
      Deno.stderr.writeSync(new TextEncoder().encode(`web: ${e.message}\n`));
      Deno.exit(2);
    }
    throw e;
  }
  const logger = createLogger({ service: "web", level: config.DEBUG ? "debug" : config.LOG_LEVEL });
  const app = createWebApp({ config, logger, fetch });
  Deno.serve({
    hostname: config.HOST,
    port: config.PORT,
    onListen: ({ hostname, port }) =>
      logger.info("listening", { url: `http://${hostname}:${port}` }),
  }, app.fetch);
}

if (import.meta.main) main();
