/**
 * Every route declaration of core and chart describes its answer: a JSON `response` schema, a
 * `produces` media type (an image; an event stream also gives the schema of its events' data),
 * a 204 (no body) or a 302 (`redirect` says where to). The check in `shared/http/response_check.ts` then holds the
 * handlers to those schemas in every HTTP test.
 *
 * @module
 */
import assert from "node:assert/strict";
import { DECLARED_ROUTES } from "../../core/http/routes/mod.ts";
import { CHART_ROUTE_DOCS } from "../../chart/http/routes.ts";
import type { RouteDoc } from "@trading/shared/http";

function undescribed(routes: readonly RouteDoc[]): string[] {
  return routes.filter((r) => {
    if (r.status === 204) return false;
    if (r.status === 302) return !r.redirect;
    return !r.response && !r.produces;
  }).map((r) => `${r.method.toUpperCase()} ${r.path}`);
}

Deno.test("route responses - every declaration of core describes its answer", () => {
  assert.ok(DECLARED_ROUTES.length > 80);
  assert.deepEqual(undescribed(DECLARED_ROUTES), []);
});

Deno.test("route responses - every declaration of chart describes its answer", () => {
  assert.ok(CHART_ROUTE_DOCS.length > 5);
  assert.deepEqual(undescribed(CHART_ROUTE_DOCS), []);
});

Deno.test("route responses - a declaration without one is caught", () => {
  const bare: RouteDoc = { method: "get", path: "/x", summary: "x", tag: "t" };
  assert.deepEqual(undescribed([bare, { ...bare, status: 302 }]), ["GET /x", "GET /x"]);
});
