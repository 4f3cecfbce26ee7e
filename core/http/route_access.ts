/**
 * Who may call each route of core: the one table of authorisation. `public` routes answer
 * anonymous callers; `user` routes need a session cookie or API token (401 otherwise) and only
 * ever show the caller's own resources (another user's id is a 404); `admin` routes also need
 * the admin role (403 otherwise). `core/http/route_access_test.ts` walks every route registered
 * on the app and fails when one is missing here or does not behave as classified, so a new
 * route must be added to this table.
 *
 * @module
 */

import type { ApiScope } from "@trading/shared/schemas";

/** Access class of a route. */
export type Access = "public" | "user" | "admin";

/** `"METHOD /path/:param"` (Hono's pattern) → access class. */
export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  // service, docs, health, metrics
  "GET /": "public",
  "GET /openapi.json": "public",
  "GET /docs": "public",
  "GET /health": "public",
  "GET /health/live": "public",
  "GET /metrics": "public",
  // market data, analysis and charts (the same for everyone)
  "GET /symbols": "public",
  "GET /api/markets": "public",
  "GET /api/symbols/:symbol/candles": "public",
  "GET /api/symbols/:symbol/quote": "public",
  "GET /api/symbols/:symbol/quality": "public",
  "GET /api/symbols/:symbol/actions": "public",
  "GET /api/symbols/:symbol/indicators": "public",
  "GET /api/symbols/:symbol/signals": "public",
  "GET /api/symbols/:symbol/patterns": "public",
  "GET /api/quotes/stream": "public",
  "GET /api/indicators": "public",
  "GET /api/strategies": "public",
  "GET /chart/:symbol": "public",
  "POST /api/symbols": "user",
  // backtests and optimisations: anonymous runs allowed (rate-limited per IP); a run started by
  // a signed-in user is visible to that user only (404 to others)
  "POST /api/backtests": "public",
  "GET /api/backtests/:id": "public",
  "POST /api/optimisations": "public",
  "GET /api/optimisations/:id": "public",
  "GET /api/optimisations/:id/events": "public",
  // AI analyst: anonymous callers get the cached/rule-based analysis; quota applies when signed in
  "POST /api/ai/analyze/:symbol": "public",
  "GET /api/ai/analyze/:symbol": "public",
  "GET /api/ai/track-record": "public",
  "POST /analyze/:symbol": "public",
  "POST /api/ai/chat": "user",
  "GET /api/ai/chat/:session_id": "user",
  "GET /api/ai/usage": "user",
  // accounts
  "POST /api/auth/register": "public",
  "POST /api/auth/login": "public",
  "POST /api/auth/logout": "public",
  "POST /api/auth/password": "user",
  "GET /api/auth/providers": "public",
  "GET /api/auth/google/login": "public",
  "GET /api/auth/google/callback": "public",
  "GET /api/me": "user",
  "GET /api/tokens": "user",
  "POST /api/tokens": "user",
  "DELETE /api/tokens/:id": "user",
  "POST /api/redemption/redeem": "user",
  // paper trading
  "POST /api/paper/accounts": "user",
  "GET /api/paper/accounts": "user",
  "GET /api/paper/accounts/:id": "user",
  "PATCH /api/paper/accounts/:id/risk": "user",
  "POST /api/paper/accounts/:id/orders": "user",
  "GET /api/paper/accounts/:id/orders": "user",
  "DELETE /api/paper/accounts/:id/orders/:orderId": "user",
  "GET /api/paper/accounts/:id/positions": "user",
  "GET /api/paper/accounts/:id/fills": "user",
  "POST /api/paper/accounts/:id/advance": "user",
  "POST /api/paper/accounts/:id/bots": "user",
  // administration
  "GET /api/admin/redemption-codes": "admin",
  "POST /api/admin/redemption-codes": "admin",
  "DELETE /api/admin/redemption-codes/:id": "admin",
  "GET /api/admin/usage": "admin",
  "PATCH /api/admin/users/:id": "admin",
  "PATCH /api/admin/symbols/:symbol": "admin",
};

/**
 * The API token scope each route needs when the caller authenticates with a token (sessions
 * carry every right of the account). `null`: any token may call it (sign-in, sign-out, the
 * service's own documents). `core/http/route_scopes_test.ts` checks that every route of
 * `ROUTE_ACCESS` is listed here and that a token without the scope is refused (403).
 */
export const ROUTE_SCOPE: Readonly<Record<string, ApiScope | null>> = {
  "GET /": null,
  "GET /openapi.json": null,
  "GET /docs": null,
  "GET /health": null,
  "GET /health/live": null,
  "GET /metrics": null,
  "GET /symbols": "read",
  "GET /api/markets": "read",
  "GET /api/symbols/:symbol/candles": "read",
  "GET /api/symbols/:symbol/quote": "read",
  "GET /api/symbols/:symbol/quality": "read",
  "GET /api/symbols/:symbol/actions": "read",
  "GET /api/symbols/:symbol/indicators": "read",
  "GET /api/symbols/:symbol/signals": "read",
  "GET /api/symbols/:symbol/patterns": "read",
  "GET /api/quotes/stream": "read",
  "GET /api/indicators": "read",
  "GET /api/strategies": "read",
  "GET /chart/:symbol": "read",
  "POST /api/symbols": "data",
  "POST /api/backtests": "backtest",
  "GET /api/backtests/:id": "read",
  "POST /api/optimisations": "backtest",
  "GET /api/optimisations/:id": "read",
  "GET /api/optimisations/:id/events": "read",
  "POST /api/ai/analyze/:symbol": "ai",
  "GET /api/ai/analyze/:symbol": "ai",
  "GET /api/ai/track-record": "read",
  "POST /analyze/:symbol": "ai",
  "POST /api/ai/chat": "ai",
  "GET /api/ai/chat/:session_id": "read",
  "GET /api/ai/usage": "read",
  "POST /api/auth/register": null,
  "POST /api/auth/login": null,
  "POST /api/auth/logout": null,
  "POST /api/auth/password": "account",
  "GET /api/auth/providers": null,
  "GET /api/auth/google/login": null,
  "GET /api/auth/google/callback": null,
  "GET /api/me": "read",
  "GET /api/tokens": "account",
  "POST /api/tokens": "account",
  "DELETE /api/tokens/:id": "account",
  "POST /api/redemption/redeem": "account",
  "POST /api/paper/accounts": "paper:trade",
  "GET /api/paper/accounts": "read",
  "GET /api/paper/accounts/:id": "read",
  "PATCH /api/paper/accounts/:id/risk": "paper:trade",
  "POST /api/paper/accounts/:id/orders": "paper:trade",
  "GET /api/paper/accounts/:id/orders": "read",
  "DELETE /api/paper/accounts/:id/orders/:orderId": "paper:trade",
  "GET /api/paper/accounts/:id/positions": "read",
  "GET /api/paper/accounts/:id/fills": "read",
  "POST /api/paper/accounts/:id/advance": "paper:trade",
  "POST /api/paper/accounts/:id/bots": "paper:trade",
  "GET /api/admin/redemption-codes": "admin",
  "POST /api/admin/redemption-codes": "admin",
  "DELETE /api/admin/redemption-codes/:id": "admin",
  "GET /api/admin/usage": "admin",
  "PATCH /api/admin/users/:id": "admin",
  "PATCH /api/admin/symbols/:symbol": "admin",
};

/**
 * GET routes that change state (they spend AI quota or credits). The cross-origin guard treats
 * them like unsafe methods: a cookie-carrying cross-site navigation or `<img>` cannot reach them.
 * Every other GET is a read.
 */
export const STATE_CHANGING_GETS: readonly string[] = ["GET /api/ai/analyze/:symbol"];

/** The access class of `method path`, or undefined when the route is not classified. */
export function accessOf(method: string, path: string): Access | undefined {
  return ROUTE_ACCESS[`${method.toUpperCase()} ${path}`];
}
