/**
 * The build output as the server sees it: which hashed files each island and the client entry
 * need, loaded once into memory at start-up.
 *
 * @module
 */

/** Written by `web/build.ts` as `web/static/build/manifest.json`. */
export interface BuildManifest {
  /** The client entry and its static imports, file names relative to the build directory. */
  client: string[];
  /** The hashed stylesheet. */
  css: string;
  /** Per island: its entry chunk and the chunks it imports statically. */
  islands: Record<string, string[]>;
}

/** A loaded build: the manifest plus every file's bytes, ready to serve. */
export interface LoadedBuild {
  /** The manifest. */
  manifest: BuildManifest;
  /** File name → contents. */
  files: Map<string, Uint8Array>;
}

/** Default build directory. */
export const BUILD_DIR = new URL("../static/build/", import.meta.url).pathname;

/**
 * Whether `name` is a file another build is writing right now (`web/build.ts` writes each file
 * to `<name>.tmp-<pid>-<n>` and renames it into place).
 */
export function isPartialWrite(name: string): boolean {
  return /\.tmp-\d+-\d+$/.test(name);
}

/**
 * Reads the manifest and every built file of `dir`; `null` when there is no build. Files a
 * concurrent build is writing (or removing as stale) are skipped, so a server starting while
 * another process builds does not fail on a file that vanished between listing and reading.
 */
export async function loadBuild(dir = BUILD_DIR): Promise<LoadedBuild | null> {
  let manifest: BuildManifest;
  try {
    manifest = JSON.parse(await Deno.readTextFile(`${dir}manifest.json`)) as BuildManifest;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
  const files = new Map<string, Uint8Array>();
  for await (const e of Deno.readDir(dir)) {
    if (!e.isFile || e.name === "manifest.json" || isPartialWrite(e.name)) continue;
    try {
      files.set(e.name, await Deno.readFile(`${dir}${e.name}`));
    } catch (err) {
      if (!(err instanceof Deno.errors.NotFound)) throw err;
    }
  }
  return { manifest, files };
}

/** The files (client entry first, then islands in order) a page with `islands` loads. */
export function pageScripts(manifest: BuildManifest, islands: Iterable<string>): string[] {
  const out = new Set<string>(manifest.client);
  for (const name of islands) for (const f of manifest.islands[name] ?? []) out.add(f);
  return [...out];
}
