/**
 * Security headers of the web service: a CSP that allows only same-origin scripts (no inline
 * script anywhere: the islands bootstrap is an external module), no framing, no sniffing.
 *
 * @module
 */
import type { MiddlewareHandler } from "hono";

/**
 * Hash of the one `<style>` element lightweight-charts inserts for its TradingView attribution
 * logo (which its licence asks us to keep); a test recomputes it from the installed library.
 */
export const LWC_LOGO_STYLE_HASH = "sha256-3pRED1tOXas1FXFoPb9TGCjmYe9XQsmO9OV23khV2nY=";

/** The Content-Security-Policy of every page web renders. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  `style-src 'self' '${LWC_LOGO_STYLE_HASH}'`,
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** Adds the headers to web's own responses; proxied responses keep their service's headers. */
export function securityHeaders({ production }: { production: boolean }): MiddlewareHandler {
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const p = c.req.path;
    if (p.startsWith("/api/") || p.startsWith("/charts/") || p === "/docs") return;
    const h = c.res.headers;
    if ((h.get("content-type") ?? "").startsWith("text/html")) {
      h.set("content-security-policy", CSP);
    }
    h.set("x-content-type-options", "nosniff");
    h.set("referrer-policy", "strict-origin-when-cross-origin");
    h.set("x-frame-options", "DENY");
    if (production) h.set("strict-transport-security", "max-age=63072000; includeSubDomains");
  };
}
