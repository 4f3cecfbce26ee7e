/**
 * Baseline for bench/http_load.ts and the load suite: a bare Hono app (and a bare Deno.serve
 * handler) answering fixed bytes read from a JSON file `{path: body}` given as argument, with
 * the same content type as core. No validation, no database, no middleware.
 *
 * Usage: deno run -A bench/_bare_server.ts PORT BODIES.json [hono|plain]
 *
 * @module
 */
import { Hono } from "hono";

const [port, file, kind = "hono"] = Deno.args;
const bodies = JSON.parse(Deno.readTextFileSync(file!)) as Record<string, string>;
const bytes = new Map(
  Object.entries(bodies).map(([p, b]) => [p, new TextEncoder().encode(b)]),
);
const headers = { "content-type": "application/json" };
let handler: (req: Request) => Response | Promise<Response>;
if (kind === "plain") {
  handler = (req) => {
    const b = bytes.get(new URL(req.url).pathname);
    return b ? new Response(b, { headers }) : new Response("{}", { status: 404, headers });
  };
} else {
  const app = new Hono();
  for (const [p, b] of bytes) app.get(p, (c) => c.body(b, 200, headers));
  handler = app.fetch;
}
Deno.serve({ hostname: "127.0.0.1", port: Number(port), onListen: () => {} }, handler);
