/**
 * The island list, read from the folder: every `web/islands/<Name>.tsx` (capitalised, one
 * component per file) is an island. The build makes one entry per file, and the client entry
 * loads each lazily through one template import that esbuild expands to the same files, so
 * adding or removing an island is adding or removing its file.
 *
 * @module
 */

/** The folder of the island entry files. */
export const ISLANDS_DIR: URL = new URL("./islands/", import.meta.url);

/** An island's name: its file name without `.tsx` (a capital, then letters and digits). */
export const ISLAND_NAME = /^[A-Z][A-Za-z0-9]*$/;

/**
 * The island names among `files` (names in the islands folder), sorted; test files and other
 * modules are not islands.
 *
 * @example
 * ```ts
 * islandNamesIn(["Watchlist.tsx", "AiPanel.tsx", "Watchlist_test.tsx", "helpers.ts"]);
 * // ["AiPanel", "Watchlist"]
 * ```
 */
export function islandNamesIn(files: Iterable<string>): string[] {
  const names: string[] = [];
  for (const f of files) {
    if (!f.endsWith(".tsx")) continue;
    const name = f.slice(0, -".tsx".length);
    if (ISLAND_NAME.test(name)) names.push(name);
  }
  return names.sort();
}

/**
 * The islands in `dir` (default `web/islands/`).
 *
 * @example
 * ```ts
 * readIslandNames().includes("Screener"); // true
 * ```
 */
export function readIslandNames(dir: URL = ISLANDS_DIR): string[] {
  return islandNamesIn([...Deno.readDirSync(dir)].filter((e) => e.isFile).map((e) => e.name));
}

/**
 * The source of the client's island map for `names`: one lazy `import()` per island, so each
 * stays its own chunk. The build bundles this in place of `web/static/island_map.ts`.
 *
 * @example
 * ```ts
 * islandMapSource(["AiPanel"]);
 * // 'export const ISLAND_LOADERS = {\n  AiPanel: () => import("../islands/AiPanel.tsx"),\n};\n'
 * ```
 */
export function islandMapSource(names: readonly string[]): string {
  const lines = names.map((n) => {
    if (!ISLAND_NAME.test(n)) throw new Error(`not an island name: ${n}`);
    return `  ${n}: () => import("../islands/${n}.tsx"),\n`;
  });
  return `export const ISLAND_LOADERS = {\n${lines.join("")}};\n`;
}
