/**
 * Every declared route group of core, in registration order. Each declaration gives the
 * handler, the access rule, the token scope and the OpenAPI operation (see
 * `shared/http/route.ts`); `core/app.ts` mounts them and `core/http/route_access.ts` derives the
 * access tables from them.
 *
 * @module
 */
import type { RouteGroup, RouteSpec } from "@trading/shared/http";
import type { CoreDeps } from "../../deps.ts";
import { healthRoutes } from "./health.ts";
import { authRoutes } from "./auth.ts";
import { adminRoutes } from "./admin.ts";
import { backtestsRoutes } from "./backtests.ts";
import { symbolsRoutes } from "./symbols.ts";
import { patternsRoutes } from "./patterns.ts";
import { strategiesRoutes } from "./strategies.ts";
import { tokensRoutes } from "./tokens.ts";
import { redemptionRoutes } from "./redemption.ts";
import { meRoutes } from "./me.ts";

/** The declared route groups. */
export const CORE_ROUTE_GROUPS: readonly RouteGroup<CoreDeps>[] = [
  healthRoutes,
  meRoutes,
  redemptionRoutes,
  tokensRoutes,
  strategiesRoutes,
  patternsRoutes,
  symbolsRoutes,
  backtestsRoutes,
  adminRoutes,
  authRoutes,
];

/** Every declared route. */
export const DECLARED_ROUTES: readonly RouteSpec<never>[] = CORE_ROUTE_GROUPS.flatMap((g) =>
  g.specs
);
