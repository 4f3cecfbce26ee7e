/**
 * The folder-level import graph the architecture test checks: which area of a service imports
 * which, and the cycles among them.
 *
 * An area is a service's first-level folder (`core/auth`, `chart/render`, `web/islands`); its
 * subfolders belong to it (`core/http/routes` is `core/http`). Not part of the graph:
 * - tests and test kits (`*_test.ts`, `test_*.ts`, `*_test_*.ts`), and entry points (modules
 *   with `import.meta.main`: `main.ts`, the CLIs), which sit on top of every layer;
 * - the files at the root of `core/`, `chart/` and `web/`: each service's composition root
 *   (`app.ts` wires the folders, `deps.ts` builds the dependencies whose type the folders read);
 * - a barrel (`mod.ts`) re-exporting its own subfolders: it is the folder's surface, not a
 *   dependency of the folder's code.
 *
 * @module
 */

/** Service roots whose top-level files are a composition root. */
const COMPOSITION_ROOTS = ["core", "chart", "web"];

/**
 * The area of a repository path, or null when the file is not part of the graph.
 *
 * @example
 * ```ts
 * import { areaOf } from "./folder_graph.ts";
 * areaOf("core/http/routes/markets.ts"); // "core/http"
 * areaOf("core/app.ts"); // null: the composition root
 * areaOf("shared/scopes.ts"); // "shared"
 * ```
 */
export function areaOf(path: string): string | null {
  const parts = path.split("/");
  if (parts.length === 2) return COMPOSITION_ROOTS.includes(parts[0]!) ? null : parts[0]!;
  return `${parts[0]}/${parts[1]}`;
}

/** Whether a module is a test, a test kit or an entry point (outside the graph). */
export function outsideGraph(path: string, src: string): boolean {
  const name = path.slice(path.lastIndexOf("/") + 1);
  return /_test\.tsx?$/.test(name) || /^_?test_|_test_/.test(name) ||
    /\bimport\.meta\.main\b/.test(src);
}

/** One import between two areas. */
export interface AreaEdge {
  /** Importing area. */
  from: string;
  /** Imported area. */
  to: string;
  /** `file → imported file`, for the failure message. */
  via: string;
}

/** The area edge of `file` importing `target` (repository paths), or null when there is none. */
export function areaEdge(file: string, target: string): AreaEdge | null {
  const from = areaOf(file);
  const to = areaOf(target);
  if (!from || !to || from === to) return null;
  const barrel = file.endsWith("/mod.ts") && target.startsWith(file.slice(0, -"mod.ts".length));
  return barrel ? null : { from, to, via: `${file} → ${target}` };
}

/**
 * The cycles of a graph: its strongly connected components of two or more nodes (Tarjan).
 *
 * @example
 * ```ts
 * import { cyclesOf } from "./folder_graph.ts";
 * cyclesOf([["a", "b"], ["b", "a"], ["b", "c"]]); // [["a", "b"]]
 * ```
 */
export function cyclesOf(edges: readonly (readonly [string, string])[]): string[][] {
  const next = new Map<string, string[]>();
  for (const [a, b] of edges) next.set(a, [...(next.get(a) ?? []), b]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) out.push(scc.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return out;
}
