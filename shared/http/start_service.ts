/**
 * The one start-up sequence of the three services (`core/main.ts`, `chart/main.ts`,
 * `web/main.ts`): read and check the environment (exit 2 listing every problem), create the
 * logger, build the app (exit 1 with one clear line when that fails), serve it behind the
 * connection guard, and on SIGINT/SIGTERM stop accepting, let the service close what it opened,
 * and exit 0.
 *
 * @module
 */
import type { z } from "zod";
import { type BaseEnv, ConfigError, type EnvSchema, loadConfig, readEnv } from "../config/mod.ts";
import { createLogger, type Logger } from "../log.ts";
import {
  type GuardConfig,
  guardedServe,
  type GuardedServer,
  guardOptions,
} from "./guarded_serve.ts";

/** What a service's `build` gives back. */
export interface ServiceApp {
  /** The request handler (a Hono app's `fetch`). */
  fetch: Deno.ServeHandler<Deno.NetAddr>;
  /** Extra fields of the `listening` log line (e.g. the redacted database URL). */
  listening?: Record<string, unknown>;
  /** Runs once the server listens (e.g. starts background jobs). */
  started?: () => void;
  /** Runs first on SIGINT/SIGTERM, before the server drains (e.g. aborts outbound calls). */
  stopping?: () => void;
  /** Runs after the server drained (e.g. closes the database). */
  stopped?: () => Promise<void>;
}

/** A service's start-up. */
export interface ServiceStart<S extends EnvSchema> {
  /** Service name: the logger's `service` and the prefix of the start-up error lines. */
  name: string;
  /** The service's environment schema. */
  schema: S;
  /** Builds the app from the parsed configuration. */
  build: (config: z.infer<S>, logger: Logger) => ServiceApp | Promise<ServiceApp>;
  /** What a failed build was using, added to its error line (e.g. the redacted database URL). */
  context?: (config: z.infer<S>) => Record<string, string>;
}

/** The process around a service (Deno's by default; tests and examples pass their own). */
export interface ServiceProcess {
  /** Reads an environment variable. */
  env: (name: string) => string | undefined;
  /** Writes one line to standard error. */
  stderr: (line: string) => void;
  /** Ends the process. */
  exit: (code: number) => void;
  /** Calls `fn` on SIGINT and SIGTERM. */
  onStopSignal: (fn: () => void) => void;
}

/** Deno's process: its environment, standard error, exit and signals. */
export const DENO_PROCESS: ServiceProcess = {
  env: (name) => Deno.env.get(name),
  stderr: (line) => Deno.stderr.writeSync(new TextEncoder().encode(`${line}\n`)),
  exit: (code) => Deno.exit(code),
  onStopSignal: (fn) => {
    Deno.addSignalListener("SIGINT", fn);
    Deno.addSignalListener("SIGTERM", fn);
  },
};

/** A started service. */
export interface RunningService {
  /** The guarded server. */
  server: GuardedServer;
  /** Stops as on SIGTERM (without exiting). */
  stop: () => Promise<void>;
}

const message = (e: unknown) => e instanceof Error ? e.message : String(e);

/**
 * Starts a service: config → logger → app → guarded server → stop on SIGINT/SIGTERM. Returns
 * null when it could not start (after calling `proc.exit` with 2 for a bad configuration, 1 for
 * a failed build).
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { WebEnvSchema } from "../config/mod.ts";
 * import { startService } from "./start_service.ts";
 *
 * const env: Record<string, string> = { HOST: "127.0.0.1", PORT: "0", LOG_LEVEL: "error" };
 * const running = await startService({
 *   name: "demo",
 *   schema: WebEnvSchema,
 *   build: () => ({ fetch: new Hono().get("/", (c) => c.text("ok")).fetch }),
 * }, {
 *   env: (name) => env[name],
 *   stderr: console.error,
 *   exit: (code) => console.error("exit", code),
 *   onStopSignal: () => {}, // the example stops it itself
 * });
 * await running?.stop();
 * ```
 */
export async function startService<S extends EnvSchema & z.ZodType<BaseEnv & GuardConfig>>(
  spec: ServiceStart<S>,
  proc: ServiceProcess = DENO_PROCESS,
): Promise<RunningService | null> {
  let config: z.infer<S>;
  try {
    config = loadConfig(spec.schema, readEnv(spec.schema, proc.env)) as z.infer<S>;
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    proc.stderr(`${spec.name}: ${e.message}`);
    proc.exit(2);
    return null;
  }
  const logger = createLogger({
    service: spec.name,
    level: config.DEBUG ? "debug" : config.LOG_LEVEL,
  });
  let app: ServiceApp;
  try {
    app = await spec.build(config, logger);
  } catch (e) {
    // e.g. a read-only data directory or an unreachable database: one clear line
    const context = spec.context?.(config) ?? {};
    logger.error("cannot start", { ...context, error: message(e) });
    const where = Object.entries(context).map(([k, v]) => `${k} ${v}`).join(", ");
    proc.stderr(`${spec.name}: cannot start: ${message(e)}${where ? ` (${where})` : ""}`);
    proc.exit(1);
    return null;
  }
  const server = guardedServe({
    ...guardOptions(config),
    onListen: ({ hostname, port }) =>
      logger.info("listening", { url: `http://${hostname}:${port}`, ...app.listening }),
  }, app.fetch);
  app.started?.();
  let stopping: Promise<void> | null = null;
  const stop = () =>
    stopping ??= (async () => {
      app.stopping?.();
      await server.shutdown();
      await app.stopped?.();
    })();
  proc.onStopSignal(() => void stop().then(() => proc.exit(0)));
  return { server, stop };
}
