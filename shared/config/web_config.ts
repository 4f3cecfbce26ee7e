import { BaseEnvSchema, PortSchema, ServiceUrlSchema } from "./load_config.ts";

/** Environment of the web service. */
export const WebEnvSchema = BaseEnvSchema.extend({
  PORT: PortSchema.default(8000),
  CORE_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8002"),
  CHART_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8003"),
});

/** Parsed configuration of the web service. */
export type WebConfig = ReturnType<typeof WebEnvSchema.parse>;
