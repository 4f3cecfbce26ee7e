/**
 * The published contract: core's and chart's `/openapi.json` are valid OpenAPI 3.1 documents
 * for the standard tools — `@apidevtools/swagger-parser` validates them (every `$ref` resolves)
 * and Redocly's linter (its `recommended` rules) reports no error. Warnings are printed.
 *
 * @module
 */
import assert from "node:assert/strict";
import SwaggerParser from "@apidevtools/swagger-parser";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import { testCoreApp } from "../helpers/core_app.ts";
import { ChartEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createChartApp } from "../../chart/app.ts";

function testChartApp() {
  const logger = createLogger({ service: "chart-test", level: "error", write: () => {} });
  const config = loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: "http://127.0.0.1:9" });
  return createChartApp({
    config,
    logger,
    startedAt: 0,
    fetch: () => Promise.reject(new TypeError("no core")),
  });
}

async function documents(): Promise<[string, Record<string, unknown>][]> {
  const { app, deps } = await testCoreApp({ SEED_DATA: "none" });
  const core = await (await app.request("/openapi.json")).json();
  await deps.db.close();
  const chart = await (await testChartApp().request("/openapi.json")).json();
  return [["core", core], ["chart", chart]];
}

const docs = await documents();

for (const [name, doc] of docs) {
  Deno.test(`openapi - ${name}'s document passes swagger-parser validate`, async () => {
    await SwaggerParser.validate(structuredClone(doc) as never);
  });

  Deno.test(`openapi - ${name}'s document has no redocly lint error (recommended rules)`, async () => {
    const config = await createConfig({ extends: ["recommended"] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: `/${name}/openapi.json`,
      config,
    });
    const errors = problems.filter((p) => p.severity === "error").map((p) =>
      `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`
    );
    assert.deepEqual(errors, []);
  });

  Deno.test(`openapi - ${name}: public operations declare security [], the others a scheme`, () => {
    const paths = doc.paths as Record<string, Record<string, { security?: unknown[] }>>;
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(Array.isArray(op.security), `${method} ${path} has no security`);
      }
    }
  });
}

Deno.test("openapi - core: protected routes name the cookie and bearer schemes; no local definitions", () => {
  const core = docs[0]![1] as {
    paths: Record<string, Record<string, { security: unknown[] }>>;
  };
  assert.deepEqual(core.paths["/api/me"]!.get!.security, [{ bearer: [] }, { cookie: [] }]);
  assert.deepEqual(core.paths["/symbols"]!.get!.security, []);
  const text = JSON.stringify(core);
  assert.doesNotMatch(text, /#\/definitions\/|"definitions"|#\/\$defs\//);
});
