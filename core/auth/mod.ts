/**
 * Accounts: authentication middleware, CSRF guard, rate limiting, quotas. Other modules import
 * from here (or from `quota.ts` / `rate_limit.ts` directly).
 *
 * @module
 */
export { authenticate } from "./authenticate.ts";
export { crossOriginGuard } from "./csrf.ts";
export { tokenScopeGuard } from "./token_scope.ts";
export { rateLimit, type RateLimitOptions } from "./rate_limit.ts";
export { consumeAnalysis, quotaStatus } from "./quota.ts";
export type { AuthDeps } from "./auth_deps.ts";
