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
});

/** Parsed common settings. */
export type BaseEnv = z.infer<typeof BaseEnvSchema>;

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
 * const cfg = loadConfig(CoreEnvSchema, Deno.env.toObject());
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
