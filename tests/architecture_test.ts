/**
 * Enforces the import directions of CONVENTIONS.md and ARCHITECTURE.md: shared imports no
 * service; the pure analysis core does no I/O (no Deno APIs, fetch, clock, database or HTTP
 * imports); web and chart use core only through types (they talk to it over HTTP); the folders
 * of a service import each other without cycles; a `_private.ts` module is imported only from
 * its own folder.
 *
 * @module
 */
import assert from "node:assert/strict";
import { areaEdge, cyclesOf, outsideGraph } from "./helpers/folder_graph.ts";

const ROOT = new URL("../", import.meta.url);

/** Folders (and single files) whose code must stay pure. */
export const PURE = [
  "core/indicators/",
  "core/patterns/",
  "core/signals/",
  "core/strategies/",
  "core/backtest/",
  "core/execution/",
  "core/analysis/",
  "core/calendars/",
  "core/intraday/",
  "core/rules/",
  "core/alerts/check_bar.ts",
  "core/alerts/fire_key.ts",
  "core/alerts/types.ts",
  "core/ai/facts.ts",
  "core/ai/facts_from_bars.ts",
  "core/ai/_facts_events.ts",
  "core/ai/_facts_price.ts",
  "core/ai/rule_analyst.ts",
  "core/ai/_rule_text.ts",
  "core/ai/citations.ts",
  "core/ai/levels.ts",
  "core/ai/cost.ts",
  "core/ai/prompts.ts",
  "core/ai/evaluate.ts",
  "core/ai/backtest_summary.ts",
  "core/ai/analyst_backtest.ts",
  "core/ai/bars_as_of.ts",
  "core/ai/rules_walk.ts",
  "core/ai/baselines.ts",
  "core/ai/calibration.ts",
  "core/ai/track_stats.ts",
  "core/ai/track_groups.ts",
  "core/ai/track_record.ts",
  "core/ai/track_summary.ts",
  "core/ai/track_prompt.ts",
  "core/market_data/csv.ts",
  "core/market_data/series.ts",
  "core/market_data/quote.ts",
  "core/market_data/adjust.ts",
  "core/market_data/quality.ts",
  "core/market_data/reconcile.ts",
  "core/market_data/freshness.ts",
  "core/market_data/lean_factors.ts",
  "core/paper/order_book.ts",
  "core/timeframes/aggregate.ts",
  "core/timeframes/bars_per_year.ts",
  "core/timeframes/cache.ts",
  "core/timeframes/partial.ts",
  "core/timeframes/period.ts",
];

const FORBIDDEN_IN_PURE_IMPORTS = [
  /^hono/,
  /^postgres$/,
  /^node:(sqlite|fs|net|http|child_process)/,
  /^openai/,
  /\/db\//,
  /\/http\//,
  /\/providers?\//,
];
const FORBIDDEN_IN_PURE_CODE = [
  /\bDeno\./,
  /\bfetch\(/,
  /\bDate\.now\(/,
  /new Date\(\)/,
  /\bMath\.random\(/,
  /\bperformance\.now\(/,
];

async function* walk(dir: URL, rel = ""): AsyncGenerator<string> {
  for await (const e of Deno.readDir(dir)) {
    if (["node_modules", "data", "build", ".git", "screenshots"].includes(e.name)) continue;
    const path = rel + e.name;
    if (e.isDirectory) yield* walk(new URL(e.name + "/", dir), path + "/");
    else if (/\.(ts|tsx)$/.test(e.name)) yield path;
  }
}

interface Imp {
  spec: string;
  typeOnly: boolean;
}

function importsOf(src: string): Imp[] {
  const out: Imp[] = [];
  const re =
    /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'"]*?\sfrom\s+)?["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;
  for (const m of src.matchAll(re)) {
    const spec = m[3] ?? m[4];
    if (spec) out.push({ spec, typeOnly: Boolean(m[2]) });
  }
  return out;
}

function resolve(file: string, spec: string): string {
  if (!spec.startsWith(".")) return spec;
  return new URL(spec, new URL(file, "file:///r/")).pathname.slice("/r/".length);
}

const files: { path: string; src: string }[] = [];
for await (const path of walk(ROOT)) {
  files.push({ path, src: await Deno.readTextFile(new URL(path, ROOT)) });
}

Deno.test("architecture - shared/ imports no service", () => {
  const bad: string[] = [];
  for (
    const f of files.filter((f) => f.path.startsWith("shared/") && !f.path.endsWith("_test.ts"))
  ) {
    for (const i of importsOf(f.src)) {
      const target = resolve(f.path, i.spec);
      if (/^(core|chart|web)\//.test(target) || /^@trading\/(core|chart|web)/.test(target)) {
        bad
          .push(`${f.path} → ${i.spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("architecture - the pure core does no I/O and imports no shell module", () => {
  const bad: string[] = [];
  const pure = files.filter((f) =>
    PURE.some((p) => f.path.startsWith(p)) && !f.path.endsWith("_test.ts")
  );
  assert.ok(pure.length >= 3, "pure modules found");
  for (const f of pure) {
    for (const i of importsOf(f.src)) {
      const target = resolve(f.path, i.spec);
      if (i.typeOnly) continue;
      if (FORBIDDEN_IN_PURE_IMPORTS.some((re) => re.test(target))) {
        bad.push(`${f.path} imports ${i.spec}`);
      }
      if (target.startsWith("core/") && !PURE.some((p) => target.startsWith(p))) {
        bad.push(`${f.path} imports shell module ${i.spec}`);
      }
    }
    const code = f.src.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
    for (const re of FORBIDDEN_IN_PURE_CODE) {
      if (re.test(code)) bad.push(`${f.path} uses ${re.source}`);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("architecture - web and chart use core only through types", () => {
  const bad: string[] = [];
  for (const f of files.filter((f) => /^(web|chart)\//.test(f.path))) {
    for (const i of importsOf(f.src)) {
      const target = resolve(f.path, i.spec);
      if ((target.startsWith("core/") || target.startsWith("@trading/core")) && !i.typeOnly) {
        bad.push(`${f.path} → ${i.spec}`);
      }
    }
  }
  assert.deepEqual(bad, []);
});

/**
 * Known exceptions, each with the work that removes it (none today: the islands move of issue
 * 14 §5 put web's shared pieces in `web/components/<area>/` and `web/lib/`).
 */
const PENDING_CYCLES: string[][] = [];
const PENDING_PRIVATE: string[] = [];

Deno.test("architecture - the folders of each service import each other without cycles", () => {
  const edges = files.filter((f) => /^(core|chart|web|shared)\//.test(f.path))
    .filter((f) => !outsideGraph(f.path, f.src))
    .flatMap((f) =>
      importsOf(f.src).map((i) => areaEdge(f.path, resolve(f.path, i.spec))).filter((e) =>
        e !== null
      )
    );
  const cycles = cyclesOf(edges.map((e) => [e.from, e.to] as const));
  const allowed = (c: string[]) => PENDING_CYCLES.some((p) => c.every((area) => p.includes(area)));
  const bad = cycles.filter((c) => !allowed(c)).map((c) =>
    `${c.join(" ⇄ ")}: ${
      edges.filter((e) => c.includes(e.from) && c.includes(e.to)).map((e) => e.via).join("; ")
    }`
  );
  assert.deepEqual(bad, []);
});

Deno.test("architecture - a _private module is imported only from its own folder", () => {
  const bad: string[] = [];
  for (const f of files) {
    for (const i of importsOf(f.src)) {
      const target = resolve(f.path, i.spec);
      const name = target.slice(target.lastIndexOf("/") + 1);
      if (!i.spec.startsWith(".") || !name.startsWith("_")) continue;
      const dir = (p: string) => p.slice(0, p.lastIndexOf("/"));
      const edge = `${f.path} → ${target}`;
      if (dir(target) !== dir(f.path) && !PENDING_PRIVATE.includes(edge)) bad.push(edge);
    }
  }
  assert.deepEqual(bad, []);
});

Deno.test("architecture - the cycle checker finds a folder cycle and ignores barrels", () => {
  assert.deepEqual(cyclesOf([["core/a", "core/b"], ["core/b", "core/a"]]), [["core/a", "core/b"]]);
  assert.equal(areaEdge("shared/mod.ts", "shared/schemas/mod.ts"), null);
  assert.equal(areaEdge("core/app.ts", "core/http/routes/mod.ts"), null);
  assert.equal(areaEdge("core/http/routes/a.ts", "core/http/b.ts"), null);
  assert.deepEqual(areaEdge("core/auth/users.ts", "core/http/x.ts")?.to, "core/http");
});

Deno.test("architecture - the checker sees a forbidden import when there is one", () => {
  const imps = importsOf(`import { x } from "../db/db.ts";\nimport type { Y } from "hono";\n`);
  assert.deepEqual(imps, [{ spec: "../db/db.ts", typeOnly: false }, {
    spec: "hono",
    typeOnly: true,
  }]);
  assert.equal(resolve("core/indicators/rsi.ts", "../db/db.ts"), "core/db/db.ts");
});
