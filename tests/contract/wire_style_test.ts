/**
 * One wire style: every key of every documented request and response schema of core and chart
 * is snake_case (the seed contract's style). Walks the JSON Schemas the OpenAPI documents are
 * built from, so a new route joins automatically.
 *
 * @module
 */
import assert from "node:assert/strict";
import { z } from "zod";
import { CORE_ROUTE_DOCS } from "../../core/app.ts";
import { CHART_ROUTE_DOCS } from "../../chart/http/routes.ts";

function camelKeys(schema: unknown, found: Set<string>): void {
  if (Array.isArray(schema)) return schema.forEach((s) => camelKeys(s, found));
  if (!schema || typeof schema !== "object") return;
  for (const [k, v] of Object.entries(schema)) {
    if ((k === "properties" || k === "patternProperties") && v && typeof v === "object") {
      // a map of names to schemas: a property may itself be named `properties` (a JSON Schema)
      for (const [name, property] of Object.entries(v)) {
        if (/[A-Z]/.test(name)) found.add(name);
        camelKeys(property, found);
      }
    } else camelKeys(v, found);
  }
}

Deno.test("wire style - every request and response key of core and chart is snake_case", () => {
  const wrong: string[] = [];
  for (const r of [...CORE_ROUTE_DOCS, ...CHART_ROUTE_DOCS]) {
    for (const [part, schema] of [["query", r.query], ["body", r.body], ["response", r.response]]) {
      if (!schema) continue;
      const found = new Set<string>();
      for (const io of ["input", "output"] as const) {
        camelKeys(
          z.toJSONSchema(schema as z.ZodType, { io, unrepresentable: "any" }),
          found,
        );
      }
      if (found.size) wrong.push(`${r.method} ${r.path} ${part}: ${[...found].join(", ")}`);
    }
  }
  assert.deepEqual(wrong, []);
});
