/**
 * The client's island map: island name → lazy import of `web/islands/<name>.tsx`, each its own
 * chunk. It is generated: `deno task build` (web/build.ts) bundles the map written by
 * `islandMapSource()` from the files in `web/islands/` in place of this module, so the list is
 * the folder's and nobody keeps it by hand. This source version is only what Deno type-checks:
 * unbundled, the client has no island to load.
 *
 * @module
 */
import type { ComponentType } from "preact";

/** Loads one island module (its component is the default export). */
export type IslandLoader = () => Promise<{ default: ComponentType<Record<string, unknown>> }>;

/** Every island's loader, by name (generated at build time; empty in source). */
export const ISLAND_LOADERS: Readonly<Record<string, IslandLoader>> = {};
