/**
 * Lighthouse (npm `lighthouse`, its default mobile preset: Moto G-class screen, simulated slow
 * 4G and 4x CPU slowdown) on the markets page and a symbol page, with Debian Chromium; prints
 * the four category scores of each and the audits that cost points. Not a test: run it after a
 * change to the pages and compare (targets of issue 19: performance ≥ 95, accessibility 100,
 * best practices 100, SEO ≥ 95).
 *
 *     deno run -A bench/lighthouse.ts            # markets and /symbol/AAPL
 *     deno run -A bench/lighthouse.ts /symbol/MSFT
 *     deno run -A bench/lighthouse.ts --runs=5   # each page 5 times: every run and the median
 *
 * Starts its own core + web (fresh SQLite, built assets) and a headless Chromium with a remote
 * debugging port, and stops them at the end. Each page is requested once before it is audited
 * (and its candles, which the chart fetches), so the audit sees a server whose caches hold the
 * symbol, as any visitor after the first does. Scores vary with the machine's load: run it on
 * a quiet machine and compare runs made on the same one.
 *
 * @module
 */
import lighthouse from "lighthouse";
import { startStack } from "../tests/helpers/stack.ts";
import { CHROMIUM } from "../tests/helpers/chromium_path.ts";
import { freePort } from "../tests/helpers/services.ts";

const out = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** One page's scores (0..100) and the audits that lost points. */
export interface LighthouseReport {
  /** Path audited. */
  path: string;
  /** Score per category. */
  scores: Record<(typeof CATEGORIES)[number], number>;
  /** Failed audits: id, score and what Lighthouse says. */
  failed: string[];
}

async function waitForDevtools(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      await res.body?.cancel();
      if (res.ok) return;
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("Chromium's DevTools endpoint did not come up");
}

/** Audits `url` with the mobile preset through the Chromium listening on `port`. */
async function audit(url: string, port: number, path: string): Promise<LighthouseReport> {
  const result = await lighthouse(url, {
    port,
    output: "json",
    logLevel: "error",
    onlyCategories: [...CATEGORIES],
  });
  if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
  const lhr = result.lhr;
  const scores = Object.fromEntries(
    CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
  ) as LighthouseReport["scores"];
  const failed: string[] = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 0.9 || ref.weight === 0) continue;
      failed.push(`${c}: ${a.id} ${a.score} ${a.displayValue ?? ""} — ${a.title}`);
    }
  }
  return { path, scores, failed };
}

if (import.meta.main) {
  const runsArg = Deno.args.find((a) => a.startsWith("--runs="));
  const runs = Math.max(1, Number(runsArg?.slice("--runs=".length) ?? 1) || 1);
  const given = Deno.args.filter((a) => !a.startsWith("--"));
  const paths = given.length ? given : ["/", "/symbol/AAPL"];
  const stack = await startStack("lighthouse");
  const port = freePort();
  const profile = await Deno.makeTempDir({ prefix: "lighthouse-chromium-" });
  const chrome = new Deno.Command(CHROMIUM, {
    args: [
      "--headless=new",
      `--remote-debugging-port=${port}`,
      `--user-data-dir=${profile}`,
      "--no-sandbox",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "about:blank",
    ],
    stdout: "null",
    stderr: "null",
  }).spawn();
  try {
    await waitForDevtools(port);
    for (const path of paths) {
      await (await fetch(stack.web.url + path)).text(); // warm the server's caches
      const symbol = /^\/symbol\/([^/?]+)/.exec(path)?.[1];
      if (symbol) await (await fetch(`${stack.web.url}/api/symbols/${symbol}/candles`)).text();
      const reports: LighthouseReport[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await audit(stack.web.url + path, port, path);
        reports.push(r);
        out(
          `${r.path}: ${CATEGORIES.map((c) => `${c} ${r.scores[c]}`).join(" · ")}`,
        );
        for (const f of r.failed) out(`    ${f}`);
      }
      if (runs > 1) {
        const median = (c: (typeof CATEGORIES)[number]) => {
          const xs = reports.map((r) => r.scores[c]).sort((a, b) => a - b);
          return xs[Math.floor(xs.length / 2)]!;
        };
        out(
          `${path} median of ${runs}: ${CATEGORIES.map((c) => `${c} ${median(c)}`).join(" · ")}`,
        );
      }
    }
  } finally {
    chrome.kill("SIGTERM");
    await chrome.status;
    await Deno.remove(profile, { recursive: true }).catch(() => {});
    await stack.stop();
  }
}
