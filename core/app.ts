import { Hono } from "hono";
import { getCookie } from "hono/cookie";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import {
  buildOpenApi,
  DOCS_CSP,
  errorHandler,
  notFoundHandler,
  renderDocsPage,
  requestContext,
  type RequestVars,
  type RouteDoc,
  themedDocsPage,
} from "@trading/shared/http";
import { httpMetrics, metricsHandler } from "@trading/shared/http";
import { compression, securityHeaders } from "@trading/shared/http";
import { CORE_VERSION, type CoreDeps } from "./deps.ts";
import { authenticate, crossOriginGuard, tokenScopeGuard } from "./auth/mod.ts";
import { accessOf, ROUTE_SCOPE, STATE_CHANGING_GETS } from "./http/route_access.ts";
import { CORE_ROUTE_GROUPS, DECLARED_ROUTES } from "./http/routes/mod.ts";
import { accessGuard } from "./http/access_guard.ts";

/** Largest request body core reads (bytes); larger ones are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Every documented route of core, in the order shown in the docs. */
export const CORE_ROUTE_DOCS: readonly RouteDoc[] = [
  ...DECLARED_ROUTES,
];

/**
 * Builds the core HTTP app from its dependencies (no I/O at build time).
 *
 * @example
 * ```ts ignore
 * // not run by `deno test --doc`: it opens the configured database and starts a server
 * import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
 * import { createLogger } from "@trading/shared/log";
 * import { createCoreApp } from "./app.ts";
 * import { buildDeps } from "./deps.ts";
 *
 * const config = loadConfig(CoreEnvSchema, Deno.env.toObject());
 * const logger = createLogger({ service: "core", level: config.LOG_LEVEL });
 * const app = createCoreApp(await buildDeps(config, logger));
 * Deno.serve({ port: config.PORT }, app.fetch);
 * ```
 */
export function createCoreApp(deps: CoreDeps) {
  const openapi = buildOpenApi(
    {
      title: "AI Trading System — core API",
      version: CORE_VERSION,
      description:
        "Market data, indicators, patterns, signals, AI analyst, backtests and paper trading.",
    },
    CORE_ROUTE_DOCS,
    { accessOf, cookieAuth: true },
  );
  const docsHtml = renderDocsPage(openapi);
  const app = new Hono<{ Variables: RequestVars }>()
    .use(requestContext(deps.logger))
    .use(compression())
    .use(
      securityHeaders({ production: deps.config.ENVIRONMENT === "production", htmlCsp: DOCS_CSP }),
    )
    .use(bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: "Request body too large: at most 1 MiB" });
      },
    }))
    .use(authenticate(deps))
    .use(crossOriginGuard({
      trustForwardedHost: deps.config.TRUST_PROXY_HOPS > 0,
      guardedGets: STATE_CHANGING_GETS,
    }))
    .use(tokenScopeGuard(ROUTE_SCOPE))
    .use(httpMetrics(deps.metrics))
    .get("/metrics", metricsHandler(deps.metrics))
    .get(
      "/",
      (c) =>
        c.json({
          service: "core-api",
          version: CORE_VERSION,
          docs: "/docs",
          openapi: "/openapi.json",
        }),
    )
    .get("/openapi.json", (c) => c.json(openapi))
    .get("/docs", (c) => {
      c.header("vary", "cookie");
      return c.html(themedDocsPage(docsHtml, getCookie(c, "theme")));
    });
  for (const group of CORE_ROUTE_GROUPS) group.mount(app, deps, accessGuard);
  app;
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}

/** Type of the core app, for typed clients. */
export type CoreApp = ReturnType<typeof createCoreApp>;
