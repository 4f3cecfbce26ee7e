/**
 * Browser harness of the e2e suite: Debian Chromium through playwright-core with a fresh
 * profile, plus a recorder of console errors and failed requests.
 *
 * @module
 */
import { type BrowserContext, chromium, type Page } from "playwright-core";

import { CHROMIUM } from "../helpers/chromium_path.ts";

export { CHROMIUM };

/** Launches headless Chromium; throws a clear error when it is not installed. */
export async function launchBrowser(): Promise<
  { ctx: BrowserContext; close: () => Promise<void> }
> {
  try {
    await Deno.stat(CHROMIUM);
  } catch {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests cannot run. ` +
        "Install it with `apt-get install -y chromium` (CI does).",
    );
  }
  const profile = await Deno.makeTempDir({ prefix: "e2e-chromium-" });
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
  return {
    ctx,
    close: async () => {
      await ctx.close();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
    },
  };
}

/** Problems seen on a page: console errors, uncaught exceptions, failed or 4xx/5xx requests. */
export function recordProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => {
    // a live event stream (the header bell's, the quotes') is cut when the page navigates away
    const stream = (r.headers()["accept"] ?? "").includes("text/event-stream");
    if (stream && r.failure()?.errorText === "net::ERR_ABORTED") return;
    // a script chunk still loading when the test navigates is cancelled by the browser; a chunk
    // that is really missing answers 404 (the response check below) and a broken one is a
    // page error, so only the navigation's own cancellation is left out
    const chunk = new URL(r.url()).pathname.startsWith("/static/build/");
    if (chunk && r.failure()?.errorText === "net::ERR_ABORTED") return;
    problems.push(`failed: ${r.url()} ${r.failure()?.errorText}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return problems;
}

/** Gzipped size in bytes of `data`. */
export async function gzipSize(data: Uint8Array): Promise<number> {
  const stream = new Blob([data.slice()]).stream().pipeThrough(new CompressionStream("gzip"));
  return (await new Response(stream).arrayBuffer()).byteLength;
}

/** Directory for screenshots (gitignored). */
export const SHOTS = new URL("./screenshots/", import.meta.url).pathname;
