/**
 * Every declared route group of core, in registration order. Each declaration gives the
 * handler, the access rule, the token scope and the OpenAPI operation (see
 * `shared/http/route.ts`); `core/app.ts` mounts them and `core/http/route_access.ts` derives the
 * access tables from them.
 *
 * @module
 */
import type { RouteGroup, RouteSpec } from "@trading/shared/http";
import type { Lru } from "@trading/shared/lru";
import type { CoreDeps } from "../../deps.ts";
import type { IndicatorOutputs } from "../../indicators/result_cache.ts";
import type { QuoteHub } from "../../market_data/quote_hub.ts";
import { adminRoutes } from "./admin.ts";
import { adminSymbolsRoutes } from "./admin_symbols.ts";
import { adminJobsRoutes } from "./admin_jobs.ts";
import { authRoutes } from "./auth.ts";
import { backtestsRoutes } from "./backtests.ts";
import { chartRoutes } from "./chart.ts";
import { healthRoutes } from "./health.ts";
import { paperRoutes } from "./paper.ts";
import { aiRoutes } from "./ai.ts";
import { alertsRoutes } from "./alerts.ts";
import { indicatorsRoutes } from "./indicators.ts";
import { marketsRoutes } from "./markets.ts";
import { mcpRoutes } from "./mcp.ts";
import { meRoutes } from "./me.ts";
import { notifyRoutes } from "./notify.ts";
import { optimisationsRoutes } from "./optimisations.ts";
import { patternsRoutes } from "./patterns.ts";
import { redemptionRoutes } from "./redemption.ts";
import { rulesRoutes } from "./rules.ts";
import { screensRoutes } from "./screens.ts";
import { type SignalHooks, signalsRoutes } from "./signals.ts";
import { strategiesRoutes } from "./strategies.ts";
import { symbolsRoutes } from "./symbols.ts";
import { tokensRoutes } from "./tokens.ts";
import { watchlistRoutes } from "./watchlist.ts";

/** What the route groups are built from: core's deps plus the pieces tests may replace. */
export type RouteDeps = CoreDeps & {
  /** `/analyze`'s AI and pattern hooks (default: core/ai's and the patterns summary). */
  signalHooks?: SignalHooks;
  /** The live-quote hub (default: one per app). */
  quoteHub?: QuoteHub;
  /** The indicator result cache (default: one per app). */
  indicatorCache?: Lru<IndicatorOutputs>;
};

/** The declared route groups. */
export const CORE_ROUTE_GROUPS: readonly RouteGroup<RouteDeps>[] = [
  healthRoutes,
  symbolsRoutes,
  paperRoutes,
  authRoutes,
  meRoutes,
  tokensRoutes,
  redemptionRoutes,
  adminRoutes,
  adminJobsRoutes,
  optimisationsRoutes,
  aiRoutes,
  strategiesRoutes,
  backtestsRoutes,
  rulesRoutes,
  screensRoutes,
  watchlistRoutes,
  indicatorsRoutes,
  signalsRoutes,
  patternsRoutes,
  chartRoutes,
  marketsRoutes,
  adminSymbolsRoutes,
  alertsRoutes,
  notifyRoutes,
  mcpRoutes,
];

/** Every declared route. */
export const DECLARED_ROUTES: readonly RouteSpec<never>[] = CORE_ROUTE_GROUPS.flatMap((g) =>
  g.specs
);
