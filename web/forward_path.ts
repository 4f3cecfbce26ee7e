/**
 * The one check of a path web forwards to another service. `Deno.serve` hands over the request
 * target exactly as the client typed it and web's routes match that raw text, but any URL parser
 * on the way (`new URL()`, `fetch()`) resolves dot segments, encoded (`%2e%2e`) or not, and reads
 * `\` as `/`: `/api/%2e%2e/metrics` would reach core's `/metrics`. So a forwarded path must have
 * no dot segment, no encoded or literal slash/backslash inside a segment, at any depth of
 * percent-encoding, and must still lie under the route's allow-listed prefix once parsed.
 *
 * @module
 */

/** A forwarding target, or why the path was refused. */
export type UpstreamTarget = { ok: true; url: string } | { ok: false; reason: string };

/** Deepest percent-encoding unwrapped (`%25252e` is three levels). */
const MAX_DECODE_DEPTH = 4;

/** Path (raw, before `?`) and query (with its `?`) of a request URL, as Hono reads them. */
function splitTarget(rawUrl: string): { path: string; query: string } {
  const start = rawUrl.indexOf("/", rawUrl.indexOf("://") + 3);
  const rest = start < 0 ? "/" : rawUrl.slice(start);
  const q = rest.indexOf("?");
  return q < 0 ? { path: rest, query: "" } : { path: rest.slice(0, q), query: rest.slice(q) };
}

/** Why one raw path segment is unsafe, or null. Every level of percent-decoding is checked. */
function segmentProblem(segment: string): string | null {
  let s = segment;
  for (let depth = 0; depth <= MAX_DECODE_DEPTH; depth++) {
    if (s === "." || s === "..") return "dot segment";
    // deno-lint-ignore no-control-regex
    if (/[\\\x00-\x20\x7f#]/.test(s) || (depth > 0 && s.includes("/"))) {
      return "slash, backslash or control character inside a segment";
    }
    if (!s.includes("%")) return null;
    try {
      s = decodeURIComponent(s);
    } catch {
      return "malformed percent-encoding";
    }
  }
  return "percent-encoded too deeply";
}

/**
 * The URL to forward `rawUrl` to on `target`, or why not: the path must start with `allow` (a
 * prefix ending in `/`, or an exact path), every segment must pass the dot/slash checks, and the
 * parsed URL must keep the target's origin and the allow-listed prefix. The query is passed on
 * as sent.
 *
 * @example
 * ```ts
 * upstreamUrl("http://core:8002", "http://web/api/me?x=1", "/api/");
 * // { ok: true, url: "http://core:8002/api/me?x=1" }
 * upstreamUrl("http://core:8002", "http://web/api/%2e%2e/metrics", "/api/");
 * // { ok: false, reason: "dot segment" }
 * ```
 */
export function upstreamUrl(target: string, rawUrl: string, allow: string): UpstreamTarget {
  const { path, query } = splitTarget(rawUrl);
  const under = allow.endsWith("/") ? path.startsWith(allow) : path === allow;
  if (!under) return { ok: false, reason: `not under ${allow}` };
  for (const segment of path.split("/")) {
    const problem = segmentProblem(segment);
    if (problem) return { ok: false, reason: problem };
  }
  const base = new URL(target);
  const basePath = base.pathname.replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(base.origin + basePath + path + query);
  } catch {
    return { ok: false, reason: "not a URL" };
  }
  const kept = allow.endsWith("/")
    ? url.pathname.startsWith(basePath + allow)
    : url.pathname === basePath + allow;
  if (url.origin !== base.origin || !kept) return { ok: false, reason: "resolves elsewhere" };
  return { ok: true, url: url.href };
}
