import assert from "node:assert/strict";
import { ConfigError, loadConfig } from "./load_config.ts";
import { CoreEnvSchema } from "./core_config.ts";
import { googleEnabled } from "./auth_config.ts";

const GOOGLE = {
  GOOGLE_CLIENT_ID: "id.apps.googleusercontent.com",
  GOOGLE_CLIENT_SECRET: "not-a-real-secret",
  OAUTH_REDIRECT_URL: "https://trading.example.com/api/auth/google/callback",
};

Deno.test("CoreEnvSchema - Google sign-in is off by default with Google's issuer", () => {
  const cfg = loadConfig(CoreEnvSchema, {});
  assert.equal(googleEnabled(cfg), false);
  assert.equal(cfg.GOOGLE_ISSUER, "https://accounts.google.com");
  assert.equal(cfg.SESSION_IDLE_TIMEOUT_S, 7 * 86_400);
  assert.equal(cfg.SESSION_MAX_AGE_S, 30 * 86_400);
  assert.equal(googleEnabled(loadConfig(CoreEnvSchema, GOOGLE)), true);
});

Deno.test("CoreEnvSchema - production refuses a partial Google configuration", () => {
  assert.throws(
    () =>
      loadConfig(CoreEnvSchema, {
        ENVIRONMENT: "production",
        GOOGLE_CLIENT_ID: GOOGLE.GOOGLE_CLIENT_ID,
      }),
    (e: unknown) => {
      assert.ok(e instanceof ConfigError);
      const keys = e.problems.map((p) => p.split(":")[0]).sort();
      assert.deepEqual(keys, ["GOOGLE_CLIENT_SECRET", "OAUTH_REDIRECT_URL"]);
      return true;
    },
  );
  const dev = loadConfig(CoreEnvSchema, { GOOGLE_CLIENT_ID: GOOGLE.GOOGLE_CLIENT_ID });
  assert.equal(googleEnabled(dev), false, "development hides Google sign-in instead");
  assert.equal(
    googleEnabled(loadConfig(CoreEnvSchema, { ENVIRONMENT: "production", ...GOOGLE })),
    true,
  );
});

Deno.test("CoreEnvSchema - production wants https redirect URLs; idle ≤ max age", () => {
  assert.throws(
    () =>
      loadConfig(CoreEnvSchema, {
        ENVIRONMENT: "production",
        ...GOOGLE,
        OAUTH_REDIRECT_URL: "http://x.example/api/auth/google/callback",
      }),
    /OAUTH_REDIRECT_URL: must be https/,
  );
  assert.throws(
    () => loadConfig(CoreEnvSchema, { SESSION_IDLE_TIMEOUT_S: "7200", SESSION_MAX_AGE_S: "3600" }),
    /SESSION_IDLE_TIMEOUT_S/,
  );
});
