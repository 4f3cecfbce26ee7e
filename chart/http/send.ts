/**
 * Sends a rendered image with ETag, Cache-Control, X-Cache and X-Chart-Warnings, answering
 * 304 when the client already has it.
 *
 * @module
 */
import type { Context } from "hono";
import type { Rendered } from "./chart_service.ts";

/** Header-safe text (non-ASCII percent-encoded). */
export function headerSafe(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, (ch) => encodeURIComponent(ch)).slice(0, 2000);
}

/** The response for `r`; `cacheControl` defaults to a minute of public caching. */
export function sendRendered(
  c: Context,
  r: Rendered,
  cacheControl = "public, max-age=60",
): Response {
  const headers: Record<string, string> = {
    "content-type": r.type,
    etag: r.etag,
    "cache-control": cacheControl,
    "x-cache": r.cached ? "hit" : "miss",
  };
  if (r.warnings.length) headers["x-chart-warnings"] = headerSafe(r.warnings.join("; "));
  const inm = c.req.header("if-none-match");
  if (inm && inm.split(",").some((t) => t.trim() === r.etag)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(r.body as BodyInit, { status: 200, headers });
}
