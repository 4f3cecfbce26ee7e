import "./i18n/dictionaries.ts"; // every language on the server
import { isUpColour, upColourOf } from "./lib/up_down.ts";
import { Hono } from "hono";
import type { Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import { HTTPException } from "hono/http-exception";
import { getCookie, setCookie } from "hono/cookie";
import type { WebConfig } from "@trading/shared/config";
import {
  clientIp,
  compression,
  errorHandler,
  notFoundHandler,
  requestContext,
  type RequestVars,
  securityHeaders,
} from "@trading/shared/http";
import { httpMetrics, metricsHandler, MetricsRegistry } from "@trading/shared/http";
import type { Logger } from "@trading/shared/log";
import type { LoadedBuild } from "./lib/build_manifest.ts";
import { renderPage } from "./pages/render_page.tsx";
import { pageDescription } from "./pages/page_meta.ts";
import type { Theme } from "./components/page_context.ts";
import { coreClient } from "./lib/core_client.ts";
import { hasSessionCookie, sessionUser } from "./lib/session_user.ts";
import { isLang, pickLang, translator } from "./i18n/mod.ts";
import { sameOriginPath } from "./lib/local_path.ts";
import { forward } from "./proxy.ts";
import { type PageRequest, PAGES } from "./routes/mod.ts";
import { CSP } from "./page_csp.ts";

/** Dependencies of the web app. */
export interface WebDeps {
  /** Parsed configuration. */
  config: WebConfig;
  /** Structured logger. */
  logger: Logger;
  /** HTTP client used to reach core and chart. */
  fetch: typeof fetch;
  /** The built browser assets (`null`/absent: pages render without island scripts). */
  build?: LoadedBuild | null;
}

type Env = { Variables: RequestVars };

const ONE_YEAR = 60 * 60 * 24 * 365;
/** Largest body forwarded to core's API (core's own limit). */
export const MAX_API_BODY_BYTES = 1024 * 1024;
const CONTENT_TYPES: Record<string, string> = {
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  map: "application/json",
};

function themeOf(c: Context): Theme {
  const v = getCookie(c, "theme");
  return v === "dark" || v === "light" ? v : "auto";
}

/** Builds the web app: pages, islands assets, preference switches and the API forwarders. */
export function createWebApp(deps: WebDeps) {
  const { config, logger } = deps;
  const build = deps.build ?? null;
  const metrics = new MetricsRegistry({ service: "web" });
  const app = new Hono<Env>()
    .use(requestContext(logger))
    .use(compression()) // pages, assets and what core and chart answer through web
    .use(httpMetrics(metrics))
    .get("/metrics", metricsHandler(metrics))
    .get("/health/live", (c) => c.json({ status: "alive", service: "web" }))
    // proxied answers keep their service's headers; web's own answers get web's page CSP
    .use(securityHeaders({ production: config.ENVIRONMENT === "production", htmlCsp: CSP }))
    .get("/health", (c) => c.json({ status: "healthy", service: "web" }));

  app.get("/static/build/:file", (c) => {
    const file = c.req.param("file");
    const body = build?.files.get(file);
    if (!body) return notFoundHandler(c);
    const ext = file.slice(file.lastIndexOf(".") + 1);
    return c.body(body.slice().buffer, 200, {
      "content-type": CONTENT_TYPES[ext] ?? "application/octet-stream",
      "cache-control": `public, max-age=${ONE_YEAR}, immutable`,
    });
  });

  app.get("/prefs/:kind/:value", (c) => {
    const { kind, value } = c.req.param();
    const ok = (kind === "lang" && isLang(value)) ||
      (kind === "theme" && (value === "dark" || value === "light")) ||
      (kind === "updown" && isUpColour(value));
    if (!ok) return notFoundHandler(c);
    setCookie(c, kind, value, { path: "/", maxAge: ONE_YEAR, sameSite: "Lax" });
    return c.redirect(sameOriginPath(c.req.query("next")), 303);
  });

  const toCore = (allow: string, raw?: Request) => (c: Context<Env>) =>
    forward(raw ?? c.req.raw, {
      target: config.CORE_SERVICE_URL,
      allow,
      fetch: deps.fetch,
      timeoutMs: 30_000,
      requestId: c.get("requestId"),
      service: "core",
      clientIp: clientIp(c, 0), // the socket: web appends it
    });
  // Core refuses larger bodies anyway; refusing them here first keeps web from carrying them.
  app.use(
    "/api/*",
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: "Request body too large: at most 1 MiB" });
      },
    }),
  );
  app.all("/api/*", toCore("/api/"));
  // the MCP server, so the tokens page's client snippet can name this origin (bearer only:
  // core ignores the cookies for /mcp); same body limit as the API
  app.use(
    "/mcp",
    bodyLimit({
      maxSize: MAX_API_BODY_BYTES,
      onError: () => {
        throw new HTTPException(413, { message: "Request body too large: at most 1 MiB" });
      },
    }),
  );
  app.on(["GET", "POST"], "/mcp", toCore("/mcp"));
  app.get("/docs", toCore("/docs"));
  app.get("/openapi.json", toCore("/openapi.json"));
  app.get("/symbols", toCore("/symbols"));
  app.get("/charts/*", (c) =>
    forward(c.req.raw, {
      target: config.CHART_SERVICE_URL,
      allow: "/charts/",
      fetch: deps.fetch,
      timeoutMs: 15_000,
      requestId: c.get("requestId"),
      service: "chart",
      clientIp: clientIp(c, 0), // the socket: web appends it
      buffer: true, // a chart killed mid-answer is a 502 for the browser, not a cut connection
    }));

  // The header's sign-out form (no script): core revokes the session and clears its cookie (the
  // browser's Origin goes along, so core's cross-site guard refuses a forged post), then home.
  app.post("/signout", async (c) => {
    const logout = new Request(new URL("/api/auth/logout", c.req.url), {
      method: "POST",
      headers: c.req.raw.headers,
    });
    const res = await toCore("/api/", logout)(c);
    if (!res.ok) return res;
    await res.body?.cancel();
    const out = c.redirect("/", 303);
    for (const cookie of res.headers.getSetCookie()) out.headers.append("set-cookie", cookie);
    return out;
  });

  for (const page of PAGES) {
    app.get(page.path, async (c) => {
      const lang = pickLang(getCookie(c, "lang"), c.req.header("accept-language"));
      const url = new URL(c.req.url);
      const req: PageRequest = {
        lang,
        t: translator(lang),
        params: c.req.param() as Record<string, string>,
        query: url.searchParams,
        core: coreClient({
          baseUrl: config.CORE_SERVICE_URL,
          fetch: deps.fetch,
          cookie: c.req.header("cookie"),
          requestId: c.get("requestId"),
        }),
      };
      const cookie = c.req.header("cookie");
      const [spec, user] = await Promise.all([page.load(req), sessionUser(req.core, cookie)]);
      spec.description ??= pageDescription(req.t, page.path, req.params);
      const html = renderPage({
        lang,
        theme: themeOf(c),
        upColour: upColourOf(getCookie(c, "updown"), lang, url.pathname),
        path: url.pathname + url.search,
        signedIn: hasSessionCookie(cookie),
        user,
        manifest: build?.manifest ?? null,
      }, spec);
      c.header("cache-control", "no-store");
      c.header("content-language", lang);
      c.header("vary", "cookie, accept-language");
      return c.html(html, (spec.status ?? 200) as 200);
    });
  }
  app.onError(errorHandler(logger));
  app.notFound(notFoundHandler);
  return app;
}
