import { WebEnvSchema } from "@trading/shared/config";
import { startService } from "@trading/shared/http";
import { createWebApp } from "./app.ts";
import { BUILD_DIR, loadBuild } from "./lib/build_manifest.ts";

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
if (import.meta.main) {
  await startService({
    name: "web",
    schema: WebEnvSchema,
    build: async (config, logger) => {
      const build = await ensureBuild((msg) => logger.info(msg));
      return { fetch: createWebApp({ config, logger, fetch, build }).fetch };
    },
  });
}
