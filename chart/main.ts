import { ChartEnvSchema } from "@trading/shared/config";
import { startService } from "@trading/shared/http";
import { createChartApp } from "./app.ts";

/** Starts the chart service. */
if (import.meta.main) {
  await startService({
    name: "chart",
    schema: ChartEnvSchema,
    build: (config, logger) => ({
      fetch: createChartApp({
        config,
        logger,
        fetch,
        startedAt: Date.now(),
        rateLimit: { proxyHops: config.TRUST_PROXY_HOPS },
      }).fetch,
    }),
  });
}
