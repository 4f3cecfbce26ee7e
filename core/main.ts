import { CoreEnvSchema } from "@trading/shared/config";
import { startService } from "@trading/shared/http";
import { createCoreApp } from "./app.ts";
import { buildDeps } from "./deps.ts";
import { redactUrl } from "./db/db.ts";
import { startOnlineSync } from "./market_data/online_sync.ts";

/** Starts the core service: config → dependencies → HTTP server. */
if (import.meta.main) {
  await startService({
    name: "core",
    schema: CoreEnvSchema,
    context: (config) => ({ database: redactUrl(config.DATABASE_URL) }),
    build: async (config, logger) => {
      const deps = await buildDeps(config, logger);
      return {
        fetch: createCoreApp(deps).fetch,
        listening: { database: redactUrl(config.DATABASE_URL) },
        started: () => {
          if (config.MARKET_DATA !== "online") return;
          const holder = crypto.randomUUID();
          startOnlineSync({ ...deps, holder }, { signal: deps.shutdown.signal });
        },
        // Abort outbound provider calls first, so in-flight backfills end and shutdown() returns.
        stopping: () => deps.shutdown.abort(),
        stopped: () => deps.db.close(),
      };
    },
  });
}
