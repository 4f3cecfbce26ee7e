/**
 * A running core + web pair for browser tests and page audits (bench/lighthouse.ts): the web
 * assets built once per process, core on a fresh SQLite file and web in front of it, both real
 * processes on free ports with their serve flags.
 *
 * @module
 */
import {
  freePort,
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "./services.ts";

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

/** Options of {@link startStack}. */
export interface StackOptions {
  /** Extra environment of core. */
  coreEnv?: Record<string, string>;
  /** Port of web (default: a free one), when core's configuration must name web's URL. */
  webPort?: number;
}

/** Builds the assets and starts core and web. */
export async function startStack(
  label: string,
  { coreEnv = {}, webPort = freePort() }: StackOptions = {},
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
    const core = await startService("core", env);
    running.push(core);
    const web = await startService("web", { CORE_SERVICE_URL: core.url }, {
      readyPath: "/health",
      port: webPort,
    });
    running.push(web);
    return { core, web, dbUrl, stop } satisfies Stack;
  } catch (e) {
    await stop();
    throw e;
  }
}
