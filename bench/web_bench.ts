/**
 * Server render of the dashboard's pages (target: symbol page ≤ 30 ms p50). Core runs
 * in-process on the embedded dataset (in-memory SQLite) and web reaches it through a fetch
 * that calls core's app directly, so the numbers are web + core work without sockets.
 * Baseline in the same run: the markets page and the bare `/health` route.
 *
 * Run: `deno bench -A bench/web_bench.ts`
 */
import { loadConfig, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { testCoreApp } from "../tests/helpers/core_app.ts";
import { createWebApp } from "../web/app.ts";
import { loadBuild } from "../web/lib/build_manifest.ts";

const { app: core } = await testCoreApp();
const inProcess =
  ((input: RequestInfo | URL, init?: RequestInit) =>
    core.request(new Request(input, init))) as typeof fetch;
const web = createWebApp({
  config: loadConfig(WebEnvSchema, { CORE_SERVICE_URL: "http://core.bench" }),
  logger: createLogger({ service: "bench", level: "error", write: () => {} }),
  fetch: inProcess,
  build: await loadBuild(),
});

async function page(path: string): Promise<void> {
  const r = await web.request(path);
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}`);
  await r.text();
}

await page("/symbol/AAPL"); // warm caches

Deno.bench("web /health", { group: "web", baseline: true }, async () => {
  await (await web.request("/health")).text();
});
Deno.bench("web symbol page /symbol/AAPL (render incl. core calls)", { group: "web" }, async () => {
  await page("/symbol/AAPL");
});
Deno.bench("web symbol page /symbol/SPX (5,105 bars)", { group: "web" }, async () => {
  await page("/symbol/SPX");
});
Deno.bench("web markets page / (13 symbols × 3 core calls)", { group: "web" }, async () => {
  await page("/");
});
