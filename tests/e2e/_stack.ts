/**
 * The services the browser tests drive: the web assets built once per process, core on a fresh
 * SQLite file and web in front of it, both real processes on free ports with their serve flags.
 *
 * @module
 */
import type { Page } from "playwright-core";
import { launchBrowser, recordProblems, SHOTS } from "./_browser.ts";
import { type Stack, type StackOptions, startStack } from "../helpers/stack.ts";

export { buildAssets, type Stack, type StackOptions, startStack } from "../helpers/stack.ts";

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
