// Every route that spends quota, runs heavy work or calls out (AI, backtests, backfills, alerts
// and webhooks, MCP, sign-in) is rate limited by its own declaration (`use`). Walks every
// declared route, so a new one joins automatically.
import assert from "node:assert/strict";
import { routeKeyOf } from "@trading/shared/http";
import { DECLARED_ROUTES } from "./routes/mod.ts";

/** Scopes whose writes cost money, CPU or outbound calls. */
const COSTLY = new Set(["ai", "backtest", "data", "alerts"]);
/**
 * Writes that need no request limit: signing out ends the caller's own session; marking
 * notifications read is one UPDATE of the caller's rows; creating an alert is bounded by the
 * plan's active-alert limit (free 20, premium 400), and a premium user's script may create its
 * 400 at once.
 */
const EXEMPT = new Set([
  "POST /api/auth/logout",
  "POST /api/notifications/read",
  "POST /api/alerts",
]);

Deno.test("rate limits - every costly or public write route declares its rate limit", () => {
  const missing = DECLARED_ROUTES.filter((r) => r.method === "post" || r.method === "put")
    .filter((r) => r.access === "public" || COSTLY.has(r.scope ?? ""))
    .filter((r) => !EXEMPT.has(routeKeyOf(r)))
    .filter((r) => !r.use?.length)
    .map(routeKeyOf);
  assert.deepEqual(missing, []);
});
