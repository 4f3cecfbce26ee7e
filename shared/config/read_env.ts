import type { z } from "zod";

/** A config schema whose top-level keys are the environment variable names it reads. */
export type EnvSchema = z.ZodType & { shape: Record<string, unknown> };

/**
 * The environment variable names a config schema reads (its top-level keys), sorted. The
 * services' `--allow-env=` lists are built from it, so a new variable needs no flag edit.
 */
export function envNames(schema: EnvSchema): string[] {
  return Object.keys(schema.shape).sort();
}

/**
 * Reads only the variables `schema` names (what `--allow-env=NAMES` permits), unlike
 * `Deno.env.toObject()` which needs access to the whole environment.
 *
 * @example
 * ```ts
 * import { CoreEnvSchema } from "./core_config.ts";
 * import { loadConfig } from "./load_config.ts";
 * import { readEnv } from "./read_env.ts";
 *
 * // In a service: `readEnv(CoreEnvSchema)` reads Deno.env; here a fixed map stands in for it.
 * const env = new Map([["PORT", "8080"], ["UNRELATED_SECRET", "not read"]]);
 * const vars = readEnv(CoreEnvSchema, (name) => env.get(name));
 * "UNRELATED_SECRET" in vars; // false
 * const cfg = loadConfig(CoreEnvSchema, vars);
 * cfg.PORT; // 8080
 * ```
 */
export function readEnv(
  schema: EnvSchema,
  get: (name: string) => string | undefined = (n) => Deno.env.get(n),
): Record<string, string | undefined> {
  return Object.fromEntries(envNames(schema).map((n) => [n, get(n)]));
}
