/**
 * `POST /mcp`: the Model Context Protocol server (Streamable HTTP transport of the official
 * SDK, web-standard Request/Response), stateless — a fresh server and transport per request,
 * JSON answers, no session id. MCP clients send each JSON-RPC message as one POST, so any core
 * instance behind a load balancer answers any message with nothing to share but the database;
 * the tools poll (optimisation jobs: `get_job`) instead of relying on server-initiated
 * streams. `GET /mcp` answers 405 as the transport specifies for a server without such a
 * stream.
 *
 * Declared `public` with no route scope: authorization is per tool (`core/mcp/grant.ts`) —
 * bearer API tokens only (a session cookie is ignored, so a browser cannot drive it with the
 * user's cookies; cross-site POSTs are refused by the cross-origin guard anyway), anonymous
 * callers get the public read tools unless `MCP_ANONYMOUS=none`. Tools call core's declared
 * routes in-process (`core/mcp/dispatch.ts`), so scopes, rate limits, quotas and error
 * messages are the HTTP API's.
 *
 * @module
 */
import { rateLimit } from "../../auth/rate_limit.ts";
import { type Context, Hono } from "hono";
import { z } from "zod";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { UnauthorizedError } from "@trading/shared/errors";
import { type RouteGroup, routeGroup, type RouteSpec } from "@trading/shared/http";
import { ErrorBodySchema } from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import { optionalUser } from "../../auth/auth_context.ts";
import { apiClient, type CoreFetch } from "../../mcp/dispatch.ts";
import { grantOf } from "../../mcp/grant.ts";
import { type DataNotes, readDataNotes } from "../../mcp/resources.ts";
import { createMcpServer } from "../../mcp/server.ts";

const tag = "mcp";

const JsonRpcMessageSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number()]).optional(),
  method: z.string().describe("initialize, tools/list, tools/call, resources/read, prompts/get…"),
  params: z.record(z.string(), z.json()).optional(),
}).meta({ id: "McpMessage" });

const JsonRpcAnswerSchema = z.object({
  jsonrpc: z.literal("2.0"),
  id: z.union([z.string(), z.number()]).nullable(),
  result: z.record(z.string(), z.json()).optional(),
  error: z.object({ code: z.number().int(), message: z.string() }).optional(),
}).meta({ id: "McpAnswer" });

/** Names of the tools a JSON-RPC body calls (`tools/call` messages). */
export function calledTools(body: unknown): Set<string> {
  const names = new Set<string>();
  for (const m of Array.isArray(body) ? body : [body]) {
    const msg = m as { method?: unknown; params?: { name?: unknown } } | null;
    if (msg?.method === "tools/call" && typeof msg.params?.name === "string") {
      names.add(msg.params.name);
    }
  }
  return names;
}

interface McpCtx {
  deps: CoreDeps;
  fetch: (c: Context) => CoreFetch;
  notes: () => Promise<DataNotes>;
}

async function serveMcp(c: Context, { deps, fetch, notes }: McpCtx): Promise<Response> {
  const grant = grantOf(optionalUser(c), deps.config.MCP_ANONYMOUS);
  if (!grant) {
    c.header("WWW-Authenticate", 'Bearer realm="mcp"');
    throw new UnauthorizedError(
      "The MCP server needs an API token: send Authorization: Bearer tsk_…",
    );
  }
  const text = await c.req.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch { /* the transport answers the JSON-RPC parse error */ }
  const user = grant.user;
  const server = createMcpServer(grant, { api: apiClient(fetch(c), c.req.raw), deps, user }, {
    called: calledTools(parsed),
    notes: await notes(),
    onError: (tool, e) =>
      deps.logger.error("mcp tool failed", {
        tool,
        error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
        stack: e instanceof Error ? e.stack : undefined,
      }),
  });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    const req = new Request(c.req.raw.url, {
      method: "POST",
      headers: c.req.raw.headers,
      body: text,
    });
    return await transport.handleRequest(
      req,
      parsed === undefined ? {} : { parsedBody: parsed },
    );
  } finally {
    await server.close();
  }
}

const SPECS: RouteSpec<McpCtx>[] = [
  {
    method: "post",
    path: "/mcp",
    summary: "Model Context Protocol server (Streamable HTTP, stateless, JSON answers): tools " +
      "for market data, patterns, signals, the AI analyst, backtests, optimisations, the " +
      "screener and paper trading. Authorization: Bearer API token (cookies are ignored); the " +
      "tools listed are those the token's scopes allow; anonymous callers get the public read " +
      "tools (MCP_ANONYMOUS=read, default) or 401 (none). Send Accept: application/json, " +
      "text/event-stream",
    tag,
    body: JsonRpcMessageSchema,
    response: JsonRpcAnswerSchema,
    errors: [400, 401, 403, 406, 413, 415],
    access: "public",
    use: [rateLimit({ key: "mcp", limit: 300, windowS: 60 })],
    scope: null,
    handler: serveMcp,
  },
  {
    method: "get",
    path: "/mcp",
    summary: "405: this MCP server is stateless and opens no server-initiated event stream " +
      "(use POST)",
    tag,
    status: 405,
    response: ErrorBodySchema,
    access: "public",
    scope: null,
    handler: (c) => {
      c.header("Allow", "POST");
      return c.json({
        error: {
          code: "method_not_allowed",
          message: "The MCP server takes POST only (stateless)",
        },
      }, 405);
    },
  },
];

/**
 * The MCP route group. Its tools call core's own app in-process, so unlike other groups it
 * takes the app it is mounted on (`mount(app, …)`): `app.fetch` with the request's connection
 * info.
 */
export const mcpRoutes: RouteGroup<CoreDeps> = {
  specs: SPECS as unknown as readonly RouteSpec<never>[],
  mount(app, deps, guard) {
    groupFor(app).mount(app, deps, guard);
  },
  app(deps, guard) {
    const app = new Hono();
    groupFor(app).mount(app, deps, guard);
    return app;
  },
};

// deno-lint-ignore no-explicit-any
function groupFor(app: Hono<any, any, any>) {
  return routeGroup((deps: CoreDeps): McpCtx => {
    let notes: Promise<DataNotes> | null = null;
    return {
      deps,
      // the app the group is mounted on, with the request's connection info (client address)
      fetch: (c) => (req) => app.fetch(req, c.env),
      notes: () => notes ??= readDataNotes(deps.config.DATA_DIR),
    };
  }, SPECS);
}
