import assert from "node:assert/strict";
import { CoreEnvSchema } from "./core_config.ts";
import { WebEnvSchema } from "./web_config.ts";
import { envNames, readEnv } from "./read_env.ts";

Deno.test("envNames() - lists the variables a service schema reads", () => {
  assert.deepEqual(envNames(WebEnvSchema), [
    "CHART_SERVICE_URL",
    "CORE_SERVICE_URL",
    "DEBUG",
    "ENVIRONMENT",
    "HOST",
    "INTERNAL_PORT",
    "LOG_LEVEL",
    "MAX_CONNECTIONS_PER_IP",
    "PORT",
    "TRUST_PROXY_HOPS",
  ]);
  assert.ok(envNames(CoreEnvSchema).includes("DATABASE_URL"));
});

Deno.test("readEnv() - asks only for the schema's names", () => {
  const asked: string[] = [];
  const env = readEnv(WebEnvSchema, (n) => {
    asked.push(n);
    return n === "PORT" ? "9000" : undefined;
  });
  assert.deepEqual(asked.sort(), envNames(WebEnvSchema));
  assert.equal(env.PORT, "9000");
  assert.equal(env.HOST, undefined);
});
