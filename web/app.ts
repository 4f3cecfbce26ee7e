import { Hono } from "hono";
import type { WebConfig } from "@trading/shared/config";
import {
  errorHandler,
  notFoundHandler,
  requestContext,
  type RequestVars,
} from "@trading/shared/http";
import type { Logger } from "@trading/shared/log";
import type { SymbolsResponse } from "@trading/shared/schemas";

/** Dependencies of the web app. */
export interface WebDeps {
  /** Parsed configuration. */
  config: WebConfig;
  /** Structured logger. */
  logger: Logger;
  /** HTTP client used to reach core. */
  fetch: typeof fetch;
}

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Builds the web app (placeholder page listing core's symbols until the dashboard lands). */
export function createWebApp(deps: WebDeps) {
  const app = new Hono<{ Variables: RequestVars }>()
    .use(requestContext(deps.logger))
    .get("/health", (c) => c.json({ status: "healthy", service: "web" }))
    .get("/", async (c) => {
      let rows = "";
      let note = "";
      try {
        const r = await deps.fetch(`${deps.config.CORE_SERVICE_URL}/symbols`, {
          signal: AbortSignal.timeout(3000),
        });
        if (!r.ok) throw new Error(`core answered ${r.status}`);
        const data = await r.json() as SymbolsResponse;
        rows = data.symbols.map((s) =>
          `<tr><td>${esc(s.symbol)}</td><td>${esc(s.name)}</td><td>${esc(s.first)}</td><td>${
            esc(s.last)
          }</td><td>${s.bars}</td></tr>`
        ).join("");
      } catch {
        note =
          `<p role="alert">The core service is not reachable right now; try again in a moment.</p>`;
      }
      return c.html(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>AI Trading System</title>
<link rel="icon" href="data:,"></head><body><h1>AI Trading System</h1>${note}
<table><thead><tr><th>Symbol</th><th>Name</th><th>First</th><th>Last</th><th>Bars</th></tr></thead><tbody>${rows}</tbody></table></body></html>`,
      );
    });
  app.onError(errorHandler(deps.logger));
  app.notFound(notFoundHandler);
  return app;
}
