/**
 * The services the browser tests drive: the web assets built once per process, core on a fresh
 * SQLite file and web in front of it, both real processes on free ports with their serve flags.
 *
 * @module
 */
import { serviceArgs } from "../../scripts/service_flags.ts";
import {
  freePort,
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
let built: Promise<void> | null = null;

/** `deno task build`, once per test process. */
export function buildAssets(): Promise<void> {
  built ??= (async () => {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["task", "-q", "build"],
      cwd: ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      throw new Error(`web build failed:\n${new TextDecoder().decode(out.stderr)}`);
    }
  })();
  return built;
}

/** A running core + web pair. */
export interface Stack {
  core: RunningService;
  web: RunningService;
  /** Core's database. */
  dbUrl: string;
  stop: () => Promise<void>;
}

/**
 * Core with its serve flags plus read access to `core/optimise/`: the optimisation job runs
 * its grid on Web Workers, and Deno asks for read permission on a worker's module file, which
 * the serve flags (scripts/service_flags.ts) do not grant yet — without it every optimisation
 * fails with "Requires read access to …/core/optimise/grid_worker.ts". Reported to the lead;
 * drop this when the flags include it.
 */
async function startCoreForOptimisation(env: Record<string, string>): Promise<RunningService> {
  const port = freePort();
  const full = { HOST: "127.0.0.1", PORT: String(port), NO_COLOR: "1", ...env };
  const args = serviceArgs("core", { ...Deno.env.toObject(), ...full }, { cwd: ROOT });
  const read = args.findIndex((a) => a.startsWith("--allow-read="));
  args[read] = `${args[read]},${ROOT}core,${ROOT}shared,${ROOT}node_modules,${ROOT}deno.json`;
  const child = new Deno.Command(Deno.execPath(), {
    args,
    cwd: ROOT,
    env: full,
    stdout: "null",
    stderr: "null",
  }).spawn();
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (true) {
    try {
      await (await fetch(`${url}/health/live`, { signal: AbortSignal.timeout(1000) })).body
        ?.cancel();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error("core did not start");
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    port,
    child,
    output: () => "",
    stop: async () => {
      try {
        child.kill("SIGTERM");
      } catch { /* gone */ }
      await child.status;
    },
  };
}

/** Options of {@link startStack}. */
export interface StackOptions {
  /** Extra environment of core. */
  coreEnv?: Record<string, string>;
  /** Start core so that optimisation workers can load (see startCoreForOptimisation). */
  optimisation?: boolean;
}

/** Builds the assets and starts core and web. */
export async function startStack(
  label: string,
  { coreEnv = {}, optimisation = false }: StackOptions = {},
) {
  await buildAssets();
  const dbUrl = tempSqliteUrl(label);
  const running: RunningService[] = [];
  const stop = async () => {
    for (const s of running.reverse()) await s.stop();
    removeSqlite(dbUrl);
  };
  try {
    const env = { DATABASE_URL: dbUrl, ...coreEnv };
    const core = optimisation
      ? await startCoreForOptimisation(env)
      : await startService("core", env);
    running.push(core);
    const web = await startService("web", { CORE_SERVICE_URL: core.url }, {
      readyPath: "/health",
    });
    running.push(web);
    return { core, web, dbUrl, stop } satisfies Stack;
  } catch (e) {
    await stop();
    throw e;
  }
}
