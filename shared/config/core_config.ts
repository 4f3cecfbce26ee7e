import { z } from "zod";
import { BaseEnvSchema, PortSchema, ServiceUrlSchema } from "./load_config.ts";

/** `sqlite:///relative/or/absolute/path.db`, `sqlite::memory:` or `postgres(ql)://…`. */
export const DatabaseUrlSchema = z.string().refine(
  (u) => /^sqlite:(\/\/\/.+|:memory:)$/.test(u) || /^postgres(ql)?:\/\/.+/.test(u),
  "must be sqlite:///path/to/file.db, sqlite::memory: or postgres://user:pass@host:port/db",
);

/** Environment of the core service. */
export const CoreEnvSchema = BaseEnvSchema.extend({
  PORT: PortSchema.default(8002),
  DATABASE_URL: DatabaseUrlSchema.default("sqlite:///./data/trading.db"),
  CHART_SERVICE_URL: ServiceUrlSchema.default("http://127.0.0.1:8003"),
  DATA_DIR: z.string().min(1).default("./core/data/market"),
  SEED_DATA: z.enum(["embedded", "none"]).default("embedded"),
});

/** Parsed configuration of the core service. */
export type CoreConfig = z.infer<typeof CoreEnvSchema>;
