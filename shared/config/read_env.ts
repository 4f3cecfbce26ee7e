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
 * const cfg = loadConfig(CoreEnvSchema, readEnv(CoreEnvSchema));
 * ```
 */
export function readEnv(
  schema: EnvSchema,
  get: (name: string) => string | undefined = (n) => Deno.env.get(n),
): Record<string, string | undefined> {
  return Object.fromEntries(envNames(schema).map((n) => [n, get(n)]));
}
