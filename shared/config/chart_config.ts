import { z } from "zod";
import { BaseEnvSchema, PortSchema, ServiceUrlSchema } from "./load_config.ts";

/** Environment of the chart service. */
export const ChartEnvSchema = BaseEnvSchema.extend({
  PORT: PortSchema.default(8003),
  CORE_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8002"),
  // Proxies in front of chart that append to X-Forwarded-For (web counts as one); 0 = use the socket.
  TRUST_PROXY_HOPS: PortSchema.pipe(z.number().max(10)).default(0),
});

/** Parsed configuration of the chart service. */
export type ChartConfig = ReturnType<typeof ChartEnvSchema.parse>;
