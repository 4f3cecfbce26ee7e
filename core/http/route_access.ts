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
import { routeKeyOf } from "@trading/shared/http";
import { DECLARED_ROUTES } from "./routes/mod.ts";

/** Access class of a route. */
export type Access = "public" | "user" | "admin";

/** Routes not yet declared with `routeGroup` (core/http/routes/mod.ts): their access class. */
const UNDECLARED_ACCESS: Readonly<Record<string, Access>> = {
  // service, docs, health, metrics
  "GET /": "public",
  "GET /openapi.json": "public",
  "GET /docs": "public",
  "GET /metrics": "public",
  // market data, analysis and charts (the same for everyone)
  // backtests and optimisations: anonymous runs allowed (rate-limited per IP); a run started by
  // a signed-in user is visible to that user only (404 to others)
  // AI analyst: anonymous callers get the cached/rule-based analysis; quota applies when signed in
  "POST /api/ai/analyze/:symbol": "public",
  "GET /api/ai/analyze/:symbol": "public",
  "GET /api/ai/track-record": "public",
  "POST /api/ai/chat": "user",
  "GET /api/ai/chat/:session_id": "user",
  "GET /api/ai/usage": "user",
  // accounts
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
};

/**
 * The API token scope each route needs when the caller authenticates with a token (sessions
 * carry every right of the account). `null`: any token may call it (sign-in, sign-out, the
 * service's own documents). `core/http/route_scopes_test.ts` checks that every route of
 * `ROUTE_ACCESS` is listed here and that a token without the scope is refused (403).
 */
const UNDECLARED_SCOPE: Readonly<Record<string, ApiScope | null>> = {
  "GET /": null,
  "GET /openapi.json": null,
  "GET /docs": null,
  "GET /metrics": null,
  "POST /api/ai/analyze/:symbol": "ai",
  "GET /api/ai/analyze/:symbol": "ai",
  "GET /api/ai/track-record": "read",
  "POST /api/ai/chat": "ai",
  "GET /api/ai/chat/:session_id": "read",
  "GET /api/ai/usage": "read",
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
};

/**
 * GET routes that change state (they spend AI quota or credits). The cross-origin guard treats
 * them like unsafe methods: a cookie-carrying cross-site navigation or `<img>` cannot reach them.
 * Every other GET is a read.
 */
const UNDECLARED_SPENDING_GETS: readonly string[] = ["GET /api/ai/analyze/:symbol"];

/** `"METHOD /path/:param"` (Hono's pattern) → access class, declared routes included. */
export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  ...UNDECLARED_ACCESS,
  ...Object.fromEntries(DECLARED_ROUTES.map((r) => [routeKeyOf(r), r.access])),
};

/** Route → the API token scope it needs (`null`: any token), declared routes included. */
export const ROUTE_SCOPE: Readonly<Record<string, ApiScope | null>> = {
  ...UNDECLARED_SCOPE,
  ...Object.fromEntries(DECLARED_ROUTES.map((r) => [routeKeyOf(r), r.scope ?? null])),
};

/** GET routes that change state, declared routes included. */
export const STATE_CHANGING_GETS: readonly string[] = [
  ...UNDECLARED_SPENDING_GETS,
  ...DECLARED_ROUTES.filter((r) => r.spends).map(routeKeyOf),
];

/** The access class of `method path`, or undefined when the route is not classified. */
export function accessOf(method: string, path: string): Access | undefined {
  return ROUTE_ACCESS[`${method.toUpperCase()} ${path}`];
}
