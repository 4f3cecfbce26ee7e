import { z } from "zod";

/** Raised when the environment does not make a valid configuration; lists every problem. */
export class ConfigError extends Error {
  /** One line per invalid variable. */
  readonly problems: string[];
  /** @param problems one line per invalid variable */
  constructor(problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join("\n  - ")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

/** A boolean written in the environment: `true/false/1/0/yes/no` (case-insensitive). */
export const EnvBoolSchema = z.string().trim().toLowerCase()
  .pipe(z.enum(["true", "false", "1", "0", "yes", "no", ""]))
  .transform((v) => v === "true" || v === "1" || v === "yes");

/** The variables every service reads. */
export const BaseEnvSchema = z.object({
  ENVIRONMENT: z.enum(["development", "production"]).default("development"),
  DEBUG: EnvBoolSchema.default(false),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  HOST: z.string().min(1).default("0.0.0.0"),
  /**
   * Loopback port of the HTTP server behind the connection guard (shared/http/guarded_serve.ts);
   * default {@link internalPort}'s. Only `127.0.0.1:<it>` is added to the service's net flags.
   */
  INTERNAL_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Connections one client address may hold open (0: no cap, e.g. behind a pooling edge proxy). */
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(0).max(100_000).default(64),
});

/** Parsed common settings. */
export type BaseEnv = z.infer<typeof BaseEnvSchema>;

/**
 * The loopback port a service's HTTP server listens on behind its connection guard:
 * `INTERNAL_PORT`, else `PORT` + 10 000 (− 10 000 above 55 535), else 0 (any, with `PORT` 0).
 *
 * @example
 * ```ts
 * internalPort({ PORT: 8002 }); // 18002
 * ```
 */
export function internalPort(cfg: { PORT: number; INTERNAL_PORT?: number | undefined }): number {
  if (cfg.INTERNAL_PORT !== undefined) return cfg.INTERNAL_PORT;
  if (cfg.PORT === 0) return 0;
  return cfg.PORT > 55_535 ? cfg.PORT - 10_000 : cfg.PORT + 10_000;
}

/** A TCP port 1..65535 given as text (0 = pick a free one, for tests). */
export const PortSchema = z.coerce.number().int().min(0).max(65535);

/** An absolute http(s) URL without a trailing slash. */
export const ServiceUrlSchema = z.url({ protocol: /^https?$/ }).transform((u) =>
  u.replace(/\/+$/, "")
);

/**
 * Parses `env` with `schema`, treating empty strings as unset, and applies the rules shared
 * by every service (production refuses DEBUG). Throws {@link ConfigError} listing every problem.
 *
 * @example
 * ```ts
 * import { CoreEnvSchema } from "./core_config.ts";
 * import { loadConfig } from "./load_config.ts";
 *
 * // A service passes Deno.env.toObject() (or readEnv(CoreEnvSchema)); unset variables get defaults.
 * const cfg = loadConfig(CoreEnvSchema, { PORT: "8080", LOG_LEVEL: "", DEBUG: "no" });
 * cfg.PORT; // 8080
 * cfg.LOG_LEVEL; // "info" (empty counts as unset)
 * ```
 */
export function loadConfig<S extends z.ZodType<BaseEnv>>(
  schema: S,
  env: Record<string, string | undefined>,
): z.infer<S> {
  const cleaned: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v !== "") cleaned[k] = v;
  const parsed = schema.safeParse(cleaned);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.join(".") || "(environment)";
      problems.push(`${key}: ${issue.message}`);
    }
    throw new ConfigError(problems);
  }
  const cfg = parsed.data;
  if (cfg.ENVIRONMENT === "production" && cfg.DEBUG) {
    throw new ConfigError(["DEBUG: must not be true when ENVIRONMENT=production"]);
  }
  return cfg;
}
