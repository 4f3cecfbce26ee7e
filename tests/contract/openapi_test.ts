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
import { CORE_ROUTE_DOCS } from "../../core/app.ts";
import { responseIssues } from "@trading/shared/http";

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

const MAIN_OPERATIONS = [
  "get /symbols",
  "get /api/symbols/{symbol}/candles",
  "get /api/symbols/{symbol}/quote",
  "get /api/symbols/{symbol}/indicators",
  "get /api/symbols/{symbol}/patterns",
  "get /api/symbols/{symbol}/signals",
  "post /api/backtests",
  "post /api/optimisations",
  "post /api/paper/accounts/{id}/orders",
  "post /api/ai/analyze/{symbol}",
  "post /analyze/{symbol}",
  "post /api/auth/register",
  "post /api/auth/login",
  "post /api/tokens",
];

type Op = {
  parameters: { in: string; name: string; example?: unknown }[];
  requestBody?: { content: Record<string, { example?: unknown }> };
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
};

Deno.test("openapi - core: the main operations carry examples of their body, path and answer", () => {
  const paths = (docs[0]![1] as { paths: Record<string, Record<string, Op>> }).paths;
  const missing: string[] = [];
  for (const key of MAIN_OPERATIONS) {
    const [method, path] = key.split(" ") as [string, string];
    const op = paths[path]![method]!;
    const ok = Object.entries(op.responses).find(([s]) => s.startsWith("2"))![1];
    if (ok.content?.["application/json"]?.example === undefined) missing.push(`${key} answer`);
    const body = op.requestBody?.content["application/json"];
    if (body && body.example === undefined) missing.push(`${key} body`);
    for (const p of op.parameters.filter((p) => p.in === "path" && p.example === undefined)) {
      missing.push(`${key} ${p.name}`);
    }
  }
  assert.deepEqual(missing, []);
});

Deno.test("openapi - core: every example matches the schema it illustrates", () => {
  const wrong: string[] = [];
  for (const r of CORE_ROUTE_DOCS) {
    const key = `${r.method} ${r.path}`;
    if (r.responseExample !== undefined) {
      const issues = responseIssues(r.response!, r.responseExample);
      if (issues.length) wrong.push(`${key} answer: ${JSON.stringify(issues)}`);
    }
    if (r.example !== undefined && !r.body!.safeParse(r.example).success) wrong.push(`${key} body`);
    if (r.queryExample && !r.query!.safeParse(r.queryExample).success) wrong.push(`${key} query`);
    if (r.paramsExample && !r.params!.safeParse(r.paramsExample).success) {
      wrong.push(`${key} path`);
    }
  }
  assert.deepEqual(wrong, []);
});
