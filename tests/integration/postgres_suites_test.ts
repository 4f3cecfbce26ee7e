/**
 * Every core test suite that builds its app with `testCoreApp()` runs again here on a real
 * PostgreSQL (a private cluster on 127.0.0.1): the same tests, renamed `… [postgres]`. New route
 * suites join automatically. Fails with a clear message when PostgreSQL is not installed.
 *
 * @module
 */
import { rerunOnPostgres } from "../helpers/backends.ts";

const ROOT = new URL("../../", import.meta.url);

/** Test files under `core/` that use `testCoreApp()`, sorted. */
function coreAppSuites(dir = new URL("core/", ROOT)): string[] {
  const found: string[] = [];
  for (const e of Deno.readDirSync(dir)) {
    if (e.name === "data" || e.name === "node_modules") continue;
    const url = new URL(e.name + (e.isDirectory ? "/" : ""), dir);
    if (e.isDirectory) found.push(...coreAppSuites(url));
    else if (
      e.name.endsWith("_test.ts") && Deno.readTextFileSync(url).includes("helpers/core_app.ts")
    ) found.push(url.href);
  }
  return found.sort();
}

const suites = coreAppSuites();
Deno.test("postgres suites - the core HTTP suites are found", () => {
  if (!suites.some((s) => s.endsWith("/symbols_test.ts"))) {
    throw new Error(`symbols_test.ts not among the re-run suites: ${suites.join(", ")}`);
  }
});
await rerunOnPostgres(suites);
