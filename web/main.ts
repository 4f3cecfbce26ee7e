import { ConfigError, loadConfig, readEnv, WebEnvSchema } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createWebApp } from "./app.ts";
import { BUILD_DIR, loadBuild } from "./build_manifest.ts";
import { guardedServe, guardOptions } from "@trading/shared/http";

/** Loads the built assets, building them first when the build is missing. */
async function ensureBuild(log: (msg: string) => void) {
  const existing = await loadBuild();
  if (existing) return existing;
  const may = (d: Deno.PermissionDescriptor) => Deno.permissions.querySync(d).state === "granted";
  if (!may({ name: "run" }) || !may({ name: "write", path: BUILD_DIR })) {
    log(
      "no web build found and no permission to build here: run `deno task build`; " +
        "pages are served without their interactive scripts until then",
    );
    return null;
  }
  log("no web build found: building the browser assets (deno task build)");
  const { buildAssets } = await import("./build.ts");
  const esbuild = await import("esbuild");
  try {
    await buildAssets();
  } finally {
    await esbuild.stop();
  }
  return await loadBuild();
}

/** Starts the web service. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig(WebEnvSchema, readEnv(WebEnvSchema));
  } catch (e) {
    if (e instanceof ConfigError) {
      Deno.stderr.writeSync(new TextEncoder().encode(`web: ${e.message}\n`));
      Deno.exit(2);
    }
    throw e;
  }
  const logger = createLogger({ service: "web", level: config.DEBUG ? "debug" : config.LOG_LEVEL });
  const build = await ensureBuild((msg) => logger.info(msg));
  const app = createWebApp({ config, logger, fetch, build });
  guardedServe({
    ...guardOptions(config),
    onListen: ({ hostname, port }) =>
      logger.info("listening", { url: `http://${hostname}:${port}` }),
  }, app.fetch);
}

if (import.meta.main) await main();
