/**
 * Who may call each route of core, derived from the route declarations
 * (`core/http/routes/mod.ts`): `public` routes answer anonymous callers; `user` routes need a
 * session cookie or API token (401 otherwise) and only ever show the caller's own resources
 * (another user's id is a 404); `admin` routes also need the admin role (403 otherwise). The
 * declaration also names the API token scope a route needs and whether a GET spends quota.
 * `core/http/route_access_test.ts` walks every route registered on the app and fails when one is
 * missing here or does not behave as classified.
 *
 * @module
 */
import type { ApiScope } from "@trading/shared/schemas";
import { routeKeyOf } from "@trading/shared/http";
import { DECLARED_ROUTES } from "./routes/mod.ts";

/** Access class of a route. */
export type Access = "public" | "user" | "admin";

/** The service's own documents, registered in `core/app.ts`: public, any token. */
const SERVICE_ROUTES = ["GET /", "GET /openapi.json", "GET /docs", "GET /metrics"] as const;

/** `"METHOD /path/:param"` (Hono's pattern) → access class. */
export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  ...Object.fromEntries(SERVICE_ROUTES.map((k) => [k, "public" as const])),
  ...Object.fromEntries(DECLARED_ROUTES.map((r) => [routeKeyOf(r), r.access])),
};

/**
 * The API token scope each route needs when the caller authenticates with a token (sessions
 * carry every right of the account). `null`: any token may call it (sign-in, sign-out, the
 * service's own documents). `core/http/route_scopes_test.ts` checks that a token without the
 * scope is refused (403).
 */
export const ROUTE_SCOPE: Readonly<Record<string, ApiScope | null>> = {
  ...Object.fromEntries(SERVICE_ROUTES.map((k) => [k, null])),
  ...Object.fromEntries(DECLARED_ROUTES.map((r) => [routeKeyOf(r), r.scope ?? null])),
};

/**
 * GET routes that change state (they spend AI quota or credits). The cross-origin guard treats
 * them like unsafe methods: a cookie-carrying cross-site navigation or `<img>` cannot reach them.
 * Every other GET is a read.
 */
export const STATE_CHANGING_GETS: readonly string[] = DECLARED_ROUTES
  .filter((r) => r.spends).map(routeKeyOf);

/** The access class of `method path`, or undefined when the route is not classified. */
export function accessOf(method: string, path: string): Access | undefined {
  return ROUTE_ACCESS[`${method.toUpperCase()} ${path}`];
}
