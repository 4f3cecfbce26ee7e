import type { Context } from "hono";

/**
 * The one client-IP parser of the three services: the socket address (`Deno.serve` passes it
 * as the handler's `info`, which Hono exposes as `c.env`), or with `hops` trusted proxies in
 * front the entry `hops` places from the right of `X-Forwarded-For` (the address the outermost
 * trusted proxy saw). Web counts as one hop (it appends its caller's address); entries further
 * left are the client's own claims and are never used when `hops` matches the real chain. A
 * chain shorter than `hops` gives its first entry: core's calls to chart carry one entry, the
 * client as core saw it. `"unknown"` when there is no socket (in-process requests).
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * const app = new Hono().get("/ip", (c) => c.text(clientIp(c, 1)));
 * ```
 */
export function clientIp(c: Context, hops: number): string {
  const ip = forwardedClient(c.req.header("x-forwarded-for") ?? null, hops);
  if (ip) return ip;
  const env = c.env as { remoteAddr?: { hostname?: string } } | undefined;
  return env?.remoteAddr?.hostname || "unknown";
}

/**
 * The client's address in an `X-Forwarded-For` value behind `hops` trusted proxies: the entry
 * `hops` places from the right (the first entry when the chain is shorter), or `null` with no
 * trusted hops or no chain (the socket address is then the client's).
 *
 * @example
 * ```ts
 * forwardedClient("6.6.6.6, 203.0.113.7, 10.0.0.2", 2); // "203.0.113.7"
 * forwardedClient(null, 1); // null
 * ```
 */
export function forwardedClient(header: string | null, hops: number): string | null {
  if (hops <= 0 || !header) return null;
  const chain = header.split(",").map((s) => s.trim()).filter(Boolean);
  return chain[chain.length - hops] ?? chain[0] ?? null;
}
