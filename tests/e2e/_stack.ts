/**
 * The services the browser tests drive: the web assets built once per process, core on a fresh
 * SQLite file and web in front of it, both real processes on free ports with their serve flags.
 *
 * @module
 */
import type { Page } from "playwright-core";
import { launchBrowser, recordProblems, SHOTS } from "./_browser.ts";
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

/** What a browser session test receives. */
export interface Session {
  /** A fresh page of a fresh browser profile. */
  page: Page;
  /** Console errors and failed requests seen so far (assert it is empty at the end). */
  problems: string[];
  /** The running core and web. */
  stack: Stack;
}

/**
 * Launches Chromium and the stack, runs `fn` on a new page, and always stops both. On a failure
 * it saves `screenshots/<label>-failure.png` and adds the problems seen to the error.
 */
export async function browserSession(
  label: string,
  options: StackOptions,
  fn: (s: Session) => Promise<void>,
): Promise<void> {
  const browser = await launchBrowser();
  try {
    const stack = await startStack(label, options);
    try {
      await Deno.mkdir(SHOTS, { recursive: true });
      const page = await browser.ctx.newPage();
      const problems = recordProblems(page);
      try {
        await fn({ page, problems, stack });
      } catch (e) {
        await page.screenshot({ path: `${SHOTS}${label}-failure.png`, fullPage: true })
          .catch(() => {});
        throw new Error(`${e}\nproblems seen: ${problems.join("\n")}`, { cause: e });
      }
    } finally {
      await stack.stop();
    }
  } finally {
    await browser.close();
  }
}
