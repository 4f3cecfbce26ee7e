import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./load_config.ts";
import { CoreEnvSchema } from "./core_config.ts";

Deno.test("loadConfig() - applies the documented defaults", () => {
  const cfg = loadConfig(CoreEnvSchema, {});
  assert.equal(cfg.PORT, 8002);
  assert.equal(cfg.DATABASE_URL, "sqlite:///./data/trading.db");
  assert.equal(cfg.ENVIRONMENT, "development");
  assert.equal(cfg.DEBUG, false);
  assert.equal(cfg.CHART_SERVICE_URL, "http://127.0.0.1:8003");
});

Deno.test("loadConfig() - lists every invalid variable at once", () => {
  assert.throws(
    () =>
      loadConfig(CoreEnvSchema, { PORT: "99999", DATABASE_URL: "mysql://x", LOG_LEVEL: "loud" }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      const keys = e.problems.map((p) => p.split(":")[0]);
      assert.deepEqual(keys.sort(), ["DATABASE_URL", "LOG_LEVEL", "PORT"]);
      return true;
    },
  );
});

Deno.test("loadConfig() - refuses DEBUG=true in production", () => {
  assert.throws(
    () => loadConfig(CoreEnvSchema, { ENVIRONMENT: "production", DEBUG: "true" }),
    /DEBUG/,
  );
  assert.equal(
    loadConfig(CoreEnvSchema, { ENVIRONMENT: "production", DEBUG: "false" }).DEBUG,
    false,
  );
});

Deno.test("loadConfig() - treats empty strings as unset and strips a trailing slash", () => {
  const cfg = loadConfig(CoreEnvSchema, { PORT: "", CHART_SERVICE_URL: "http://chart:8003/" });
  assert.equal(cfg.PORT, 8002);
  assert.equal(cfg.CHART_SERVICE_URL, "http://chart:8003");
});
