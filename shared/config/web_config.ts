import { z } from "zod";
import { BaseEnvSchema, PortSchema, ServiceUrlSchema } from "./load_config.ts";

/** Environment of the web service. */
export const WebEnvSchema = BaseEnvSchema.extend({
  PORT: PortSchema.default(8000),
  CORE_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8002"),
  CHART_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8003"),
  /**
   * Proxies in front of web appending to `X-Forwarded-For` (a platform edge: 1). Its connection
   * guard then caps each forwarded client's requests in flight instead of connections per
   * socket address (see shared/http/guarded_serve.ts).
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

/** Parsed configuration of the web service. */
export type WebConfig = ReturnType<typeof WebEnvSchema.parse>;
