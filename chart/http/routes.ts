/**
 * Every declared route group of the chart service, in registration order. Each declaration
 * gives the handler and the OpenAPI operation (see `shared/http/route.ts`); `chart/app.ts` mounts
 * them and builds `/openapi.json` from them.
 *
 * @module
 */
import type { RouteGroup, RouteSpec } from "@trading/shared/http";
import type { ChartRouteDeps } from "./chart_route_deps.ts";
import { chartRoutes } from "./chart_routes.ts";
import { renderRoutes } from "./render_routes.ts";
import { serviceRoutes } from "./service_routes.ts";

/** The declared route groups. */
export const CHART_ROUTE_GROUPS: readonly RouteGroup<ChartRouteDeps>[] = [
  serviceRoutes,
  renderRoutes,
  chartRoutes,
];

/** Every declared route of the chart service (all public). */
export const CHART_ROUTE_DOCS: readonly RouteSpec<never>[] = CHART_ROUTE_GROUPS.flatMap((g) =>
  g.specs
);
