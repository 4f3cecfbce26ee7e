import type { MiddlewareHandler } from "hono";

/** Policy for JSON APIs: nothing may load, nothing may frame the answer. */
export const API_CSP =
  "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Builds a Content-Security-Policy for HTML pages: same-origin scripts only, plus the given
 * hashes (e.g. `sha256-…` of an islands bootstrap), never `unsafe-inline` scripts; no framing.
 *
 * @example
 * ```ts
 * buildCsp({ scriptHashes: ["sha256-abc…="] });
 * // "default-src 'self'; script-src 'self' 'sha256-abc…='; …; frame-ancestors 'none'"
 * ```
 */
export function buildCsp(
  { scriptHashes = [], styleHashes = [], inlineStyles = false, imgSrc = ["'self'", "data:"] }: {
    scriptHashes?: string[];
    styleHashes?: string[];
    inlineStyles?: boolean;
    imgSrc?: string[];
  } = {},
): string {
  const q = (h: string) => `'${h.replace(/^'|'$/g, "")}'`;
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map(q)].join(" "),
    ["style-src 'self'", ...(inlineStyles ? ["'unsafe-inline'"] : styleHashes.map(q))].join(" "),
    `img-src ${imgSrc.join(" ")}`,
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Options of {@link securityHeaders}. */
export interface SecurityHeaderOptions {
  /** Adds `Strict-Transport-Security` (only over HTTPS, i.e. in production). */
  production: boolean;
  /** CSP for `text/html` answers (default {@link buildCsp}()). */
  htmlCsp?: string;
  /** CSP for every other answer (default {@link API_CSP}). */
  otherCsp?: string;
  /** HSTS max-age in seconds (default two years). */
  hstsMaxAgeS?: number;
}

/**
 * Sets the security headers on every answer that does not already carry them: a CSP (one for
 * HTML, a locked-down one for everything else), `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: strict-origin-when-cross-origin`, `X-Frame-Options: DENY` (with
 * `frame-ancestors 'none'` for browsers that know CSP), `Cross-Origin-Opener-Policy`, and HSTS in
 * production.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { securityHeaders } from "./security_headers.ts";
 *
 * const cfg = { ENVIRONMENT: "production" };
 * const app = new Hono();
 * app.use(securityHeaders({ production: cfg.ENVIRONMENT === "production" }));
 * app.get("/", (c) => c.text("ok"));
 * const res = await app.request("/");
 * res.headers.get("x-content-type-options"); // "nosniff"
 * res.headers.has("strict-transport-security"); // true (production only)
 * ```
 */
export function securityHeaders(
  { production, htmlCsp = buildCsp(), otherCsp = API_CSP, hstsMaxAgeS = 63_072_000 }:
    SecurityHeaderOptions,
): MiddlewareHandler {
  const fixed: [string, string][] = [
    ["x-content-type-options", "nosniff"],
    ["referrer-policy", "strict-origin-when-cross-origin"],
    ["x-frame-options", "DENY"],
    ["cross-origin-opener-policy", "same-origin"],
  ];
  if (production) {
    fixed.push(["strict-transport-security", `max-age=${hstsMaxAgeS}; includeSubDomains`]);
  }
  return async function securityHeadersMiddleware(c, next) {
    await next();
    const h = c.res.headers;
    for (const [k, v] of fixed) if (!h.has(k)) h.set(k, v);
    if (!h.has("content-security-policy")) {
      const html = (h.get("content-type") ?? "").startsWith("text/html");
      h.set("content-security-policy", html ? htmlCsp : otherCsp);
    }
  };
}
