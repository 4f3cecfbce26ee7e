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
  if (hops > 0) {
    const chain = (c.req.header("x-forwarded-for") ?? "").split(",").map((s) => s.trim())
      .filter(Boolean);
    const ip = chain[chain.length - hops] ?? chain[0];
    if (ip) return ip;
  }
  const env = c.env as { remoteAddr?: { hostname?: string } } | undefined;
  return env?.remoteAddr?.hostname || "unknown";
}
