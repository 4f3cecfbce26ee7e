/**
 * Builds the MCP server of one request (stateless: a fresh server per HTTP request, see
 * `core/http/routes/mcp.ts`): the tools the caller's grant allows (others are not listed;
 * calling one by name gets the API's refusal), the resources and the prompts.
 *
 * @module
 */
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { z } from "zod";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { DomainError, ValidationError } from "@trading/shared/errors";
import { CORE_VERSION } from "../deps.ts";
import { ApiCallError } from "./dispatch.ts";
import { type McpGrant, refusal } from "./grant.ts";
import { registerPrompts } from "./prompts.ts";
import { type DataNotes, registerResources } from "./resources.ts";
import type { AnyTool, ToolContext } from "./tool.ts";
import { MARKET_TOOLS } from "./tools_market.ts";
import { PAPER_TOOLS } from "./tools_paper.ts";
import { RULE_TOOLS } from "./tools_rules.ts";
import { STRATEGY_TOOLS } from "./tools_strategy.ts";

/** Every MCP tool, in listing order. */
export const MCP_TOOLS: readonly AnyTool[] = [
  ...MARKET_TOOLS,
  ...RULE_TOOLS,
  ...STRATEGY_TOOLS,
  ...PAPER_TOOLS,
];

/**
 * Each tool's schemas as registered, built once: a fresh top-level object (a shared schema's
 * `id` would turn it into a bare `$ref`).
 */
const SCHEMAS = new Map(MCP_TOOLS.map((t) => [t.name, {
  input: z.object(t.input.shape),
  output: z.object(t.output.shape),
}]));

/** One JSON Schema validator for every per-request server (an Ajv instance costs ~1 ms). */
const VALIDATOR = new AjvJsonSchemaValidator();

/** What the server tells the assistant about itself. */
export const MCP_INSTRUCTIONS =
  "A self-hosted trading research system: stored daily price history (not a live feed), " +
  "indicators, chart patterns, signals, a grounded AI analyst, backtests, parameter " +
  "optimisation and paper trading with simulated money. Start with list_symbols; dates are " +
  "ISO YYYY-MM-DD; outputs are bounded and name the HTTP resource with the full data. Tools " +
  "you do not see need an API token with more scopes.";

/** The text of a tool error: the API's message, then field issues when it gives them. */
export function errorText(e: unknown): string | null {
  if (e instanceof ApiCallError || e instanceof DomainError) {
    const details = e instanceof ValidationError ? e.issues : e.details;
    const issues = Array.isArray(details)
      ? details.filter((d): d is { field: string; message: string } =>
        typeof d?.field === "string" && typeof d?.message === "string"
      )
      : [];
    const extra = issues.length && !issues.every((i) => e.message.includes(i.message))
      ? ` (${issues.map((i) => `${i.field}: ${i.message}`).join("; ")})`
      : "";
    return e.message + extra;
  }
  return null;
}

/** Options of {@link createMcpServer}. */
export interface McpServerOptions {
  /** Tools named by this request's `tools/call` messages: registered (refusing) even when the
   * grant lacks them, so the caller gets the API's refusal instead of "not found". */
  called?: ReadonlySet<string>;
  /** The bundled dataset's notes (resources). */
  notes: DataNotes;
  /** Reports an unexpected failure (a bug); the caller sees only "Internal error". */
  onError?: (tool: string, error: unknown) => void;
}

function failed(text: string): CallToolResult {
  return { content: [{ type: "text", text }], isError: true };
}

/** The MCP server for one caller. */
export function createMcpServer(
  grant: McpGrant,
  ctx: ToolContext,
  { called = new Set(), notes, onError }: McpServerOptions,
): McpServer {
  const server = new McpServer(
    { name: "ai-trading-system", title: "AI Trading System", version: CORE_VERSION },
    { instructions: MCP_INSTRUCTIONS, jsonSchemaValidator: VALIDATOR },
  );
  for (const tool of MCP_TOOLS) {
    const refused = refusal(tool, grant);
    if (refused && !called.has(tool.name)) continue;
    server.registerTool(tool.name, {
      title: tool.title,
      description: tool.description,
      inputSchema: SCHEMAS.get(tool.name)!.input,
      outputSchema: SCHEMAS.get(tool.name)!.output,
      annotations: {
        title: tool.title,
        readOnlyHint: tool.effect === "read",
        destructiveHint: false,
        idempotentHint: tool.effect === "read",
        openWorldHint: false,
      },
    }, async (args: unknown): Promise<CallToolResult> => {
      if (refused) return failed(refused.message);
      try {
        const out = tool.output.parse(await tool.run(args, ctx)) as Record<string, unknown>;
        return { content: [{ type: "text", text: JSON.stringify(out) }], structuredContent: out };
      } catch (e) {
        const text = errorText(e);
        if (text !== null) return failed(text);
        onError?.(tool.name, e);
        return failed("Internal error: the tool failed; the server logged it");
      }
    });
  }
  if (grant.scopes.includes("read")) {
    registerResources(server, ctx.api, notes);
    registerPrompts(server);
  }
  return server;
}
