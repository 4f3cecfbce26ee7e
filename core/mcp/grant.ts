/**
 * Who an MCP caller is and which tools it gets. MCP takes API tokens only: a session cookie is
 * ignored (the caller is anonymous), so a browser page can never drive `/mcp` with the user's
 * cookies. Anonymous callers get the public read tools when `MCP_ANONYMOUS=read` (default) and
 * nothing when `none`. A token gets the tools whose scope it holds.
 *
 * @module
 */
import { DomainError } from "@trading/shared/errors";
import type { ApiScope } from "@trading/shared/schemas";
import { insufficientScope } from "../auth/token_scope.ts";
import type { AuthUser } from "../auth/auth_context.ts";
import type { AnyTool } from "./tool.ts";

/** What an MCP caller may use. */
export interface McpGrant {
  /** The token's owner; null when anonymous. */
  user: AuthUser | null;
  /** The token's scopes, or `["read"]` for an anonymous caller. */
  scopes: readonly ApiScope[];
}

/**
 * The grant of a request's caller, or null when anonymous callers are refused.
 *
 * @example
 * ```ts
 * import { grantOf } from "./grant.ts";
 * const cookieUser = { id: "u1", email: "a@b.c", role: "user" as const, plan: "free" as const };
 * grantOf(cookieUser, "read"); // { user: null, scopes: ["read"] }: cookies do not count
 * grantOf(null, "none"); // null
 * ```
 */
export function grantOf(user: AuthUser | null, anonymous: "read" | "none"): McpGrant | null {
  if (user?.token) return { user, scopes: user.token.scopes };
  return anonymous === "read" ? { user: null, scopes: ["read"] } : null;
}

/** Why `grant` may not use `tool`, as the API words it; null when it may. */
export function refusal(tool: AnyTool, grant: McpGrant): DomainError | null {
  if (!grant.user) {
    if (tool.scope === "read" && !tool.signedIn) return null;
    return new DomainError(
      "unauthorized",
      `${tool.name} needs an API token with the "${tool.scope}" scope: send ` +
        "Authorization: Bearer tsk_… (create one on the Account page)",
    );
  }
  return grant.scopes.includes(tool.scope) ? null : insufficientScope(tool.scope, grant.scopes);
}
