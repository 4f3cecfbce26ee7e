/**
 * `deno task build`: bundles the browser code with esbuild — the islands client entry, one entry
 * per file in `web/islands/` (code-split so shared chunks load once), and the stylesheet — into
 * `web/static/build/` with content-hashed names, and writes `manifest.json` that the server uses
 * to link each page's files.
 *
 * @module
 */
import * as esbuild from "esbuild";
import { islandMapSource, readIslandNames } from "./island_files.ts";
import { type BuildManifest, isPartialWrite } from "./lib/build_manifest.ts";

const WEB = new URL("./", import.meta.url).pathname;

/** Options of {@link buildAssets}. */
export interface BuildOptions {
  /** Output directory (default `web/static/build/`). */
  outdir?: string;
  /** Minify (default true). */
  minify?: boolean;
}

/**
 * Resolves the workspace package `@trading/shared/<sub>` through `shared/deno.json`'s exports
 * (esbuild does not read Deno workspaces), so islands can import zod-free shared modules.
 */
function workspaceShared(): esbuild.Plugin {
  const root = new URL("../shared/", import.meta.url);
  const exports = (JSON.parse(Deno.readTextFileSync(new URL("deno.json", root))) as {
    exports: Record<string, string>;
  }).exports;
  return {
    name: "workspace-shared",
    setup(build) {
      build.onResolve({ filter: /^@trading\/shared(\/.*)?$/ }, (args) => {
        const sub = "." + args.path.slice("@trading/shared".length);
        const target = exports[sub];
        if (!target) return { errors: [{ text: `@trading/shared has no export "${sub}"` }] };
        return { path: new URL(target, root).pathname };
      });
    },
  };
}

/**
 * Bundles the island map generated from `names` (the files in `web/islands/`) in place of the
 * source stub `static/island_map.ts`: the client entry then lazily imports each island file.
 */
function islandMap(names: readonly string[]): esbuild.Plugin {
  return {
    name: "island-map",
    setup(build) {
      build.onLoad({ filter: /[\\/]static[\\/]island_map\.ts$/ }, () => ({
        contents: islandMapSource(names),
        loader: "ts",
        resolveDir: `${WEB}static`,
      }));
    },
  };
}

/** Closure of the files a chunk needs through static imports (itself included). */
function staticClosure(meta: esbuild.Metafile, file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return [];
  seen.add(file);
  const out = meta.outputs[file];
  const deps = (out?.imports ?? []).filter((i) => i.kind === "import-statement" && !i.external);
  return [file, ...deps.flatMap((d) => staticClosure(meta, d.path, seen))];
}

/**
 * Builds every browser asset and returns the manifest (also written as `manifest.json`).
 *
 * @example
 * ```ts
 * import { buildAssets } from "./build.ts";
 *
 * // builds into a temporary directory (the default is web/static/build, replaced in place)
 * const outdir = await Deno.makeTempDir();
 * const manifest = await buildAssets({ outdir, minify: false });
 * console.log(manifest.client); // ["client-<hash>.js", "chunk-<hash>.js", …]
 * await Deno.remove(outdir, { recursive: true });
 * ```
 */
export async function buildAssets(
  { outdir = `${WEB}static/build`, minify = true }: BuildOptions = {},
): Promise<BuildManifest> {
  const entryPoints: Record<string, string> = {
    client: `${WEB}static/client.ts`,
    app: `${WEB}static/app.css`,
  };
  const islands = readIslandNames();
  for (const name of islands) entryPoints[`island-${name}`] = `${WEB}islands/${name}.tsx`;
  const result = await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2022"],
    jsx: "automatic",
    jsxImportSource: "preact",
    minify,
    metafile: true,
    write: false,
    entryNames: "[name]-[hash]",
    chunkNames: "chunk-[hash]",
    legalComments: "linked",
    absWorkingDir: new URL("../", import.meta.url).pathname,
    nodePaths: [new URL("../node_modules", import.meta.url).pathname],
    logLevel: "silent",
    plugins: [workspaceShared(), islandMap(islands)],
  });
  // The output is replaced in place, never emptied first: a server starting meanwhile (another
  // test process, a running web) reads complete files. Names carry content hashes, so a rebuild
  // of the same sources writes the same names; each file is written beside and renamed over.
  await Deno.mkdir(outdir, { recursive: true });
  const written = new Set<string>();
  for (const f of result.outputFiles) {
    await Deno.mkdir(f.path.slice(0, f.path.lastIndexOf("/")), { recursive: true });
    await atomicWrite(f.path, f.contents);
    written.add(f.path);
  }
  const meta = result.metafile;
  const rel = (p: string) => p.slice(p.lastIndexOf("/") + 1);
  const manifest: BuildManifest = { client: [], css: "", islands: {} };
  for (const [file, out] of Object.entries(meta.outputs)) {
    const entry = out.entryPoint ?? "";
    if (entry.endsWith("static/client.ts")) {
      manifest.client = staticClosure(meta, file).map(rel);
    } else if (entry.endsWith("static/app.css") && file.endsWith(".css")) {
      manifest.css = rel(file);
    } else {
      const m = entry.match(/islands\/([A-Za-z]+)\.tsx$/);
      if (m?.[1]) manifest.islands[m[1]] = staticClosure(meta, file).map(rel);
    }
  }
  await atomicWrite(
    `${outdir}/manifest.json`,
    new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
  );
  written.add(`${outdir}/manifest.json`);
  for await (const e of Deno.readDir(outdir)) {
    // files of an older build that this one does not list (a file another build is writing
    // right now ends in .tmp-<pid>-<n> and is left alone)
    if (e.isFile && !written.has(`${outdir}/${e.name}`) && !isPartialWrite(e.name)) {
      await Deno.remove(`${outdir}/${e.name}`).catch(() => {});
    }
  }
  return manifest;
}

let tmpCount = 0;

/** Writes `path` whole or not at all (a reader never sees half a file). */
async function atomicWrite(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp-${Deno.pid}-${tmpCount++}`;
  await Deno.writeFile(tmp, data);
  await Deno.rename(tmp, path);
}

if (import.meta.main) {
  const started = performance.now();
  try {
    const m = await buildAssets();
    const ms = Math.round(performance.now() - started);
    const line = `web build: ${Object.keys(m.islands).length} islands, ${m.client.length} client ` +
      `files, css ${m.css} in ${ms} ms\n`;
    await Deno.stdout.write(new TextEncoder().encode(line));
  } finally {
    await esbuild.stop();
  }
}
