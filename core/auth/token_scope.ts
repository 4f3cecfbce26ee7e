/**
 * Enforces API token scopes: a request authenticated by a token may only reach routes whose
 * scope (`ROUTE_SCOPE`) the token holds; otherwise 403 `insufficient_scope` with the RFC 6750
 * `WWW-Authenticate` challenge naming the scope. Session requests carry every right of their
 * account and pass; routes without a scope (`null`) accept any token.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";
import { DomainError } from "@trading/shared/errors";
import type { ApiScope } from "@trading/shared/schemas";
import type { AuthUser } from "./auth_context.ts";
import { routeKey } from "@trading/shared/http";

/**
 * The refusal of a token lacking `needed` (403 `forbidden`, details naming the scopes): the one
 * message of the HTTP routes and the MCP tools.
 *
 * @example
 * ```ts
 * import { insufficientScope } from "./token_scope.ts";
 * insufficientScope("paper:trade", ["read"]).message;
 * // 'This API token lacks the "paper:trade" scope needed here'
 * ```
 */
export function insufficientScope(needed: ApiScope, held: readonly ApiScope[]): DomainError {
  return new DomainError(
    "forbidden",
    `This API token lacks the "${needed}" scope needed here`,
    { required_scope: needed, token_scopes: held },
  );
}

/** Middleware refusing token requests outside the token's scopes (run after `authenticate`). */
export function tokenScopeGuard(
  scopes: Readonly<Record<string, ApiScope | null>>,
): MiddlewareHandler {
  return async function tokenScopeMiddleware(c, next) {
    const token = (c.get("user") as AuthUser | null | undefined)?.token;
    if (token) {
      const key = routeKey(c);
      const needed = key === undefined ? null : scopes[key] ?? null;
      if (needed !== null && !token.scopes.includes(needed)) {
        c.header("WWW-Authenticate", `Bearer error="insufficient_scope", scope="${needed}"`);
        throw insufficientScope(needed, token.scopes);
      }
    }
    await next();
  };
}
