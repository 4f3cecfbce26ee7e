import { BaseEnvSchema, PortSchema, ServiceUrlSchema } from "./load_config.ts";

/** Environment of the chart service. */
export const ChartEnvSchema = BaseEnvSchema.extend({
  PORT: PortSchema.default(8003),
  CORE_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8002"),
});

/** Parsed configuration of the chart service. */
export type ChartConfig = ReturnType<typeof ChartEnvSchema.parse>;
