/**
 * The shape of one MCP tool: a zod input and output schema, a description written for a model,
 * the API token scope it needs, and `run`, which calls core's services (through the declared
 * routes, see `dispatch.ts`) and returns bounded, structured output.
 *
 * @module
 */
import type { z } from "zod";
import type { ApiScope } from "@trading/shared/schemas";
import type { CoreDeps } from "../deps.ts";
import type { AuthUser } from "../auth/auth_context.ts";
import type { ApiClient } from "./dispatch.ts";

/** What a tool runs with: the API as its caller, core's deps and the caller. */
export interface ToolContext {
  /** Core's routes, called in-process as the MCP caller. */
  api: ApiClient;
  /** Core's dependencies (for tools served by pure core code, such as the rule language). */
  deps: CoreDeps;
  /** The token's owner, or null for an anonymous caller. */
  user: AuthUser | null;
}

/** One MCP tool. */
export interface McpTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** Tool name (snake_case). */
  name: string;
  /** Short title for people. */
  title: string;
  /** What it does, when to use it and what it returns, written for a model. */
  description: string;
  /** The API token scope the tool needs (the scope of the route it calls). */
  scope: ApiScope;
  /** True when it acts on the caller's own resources (needs a token; anonymous callers never). */
  signedIn?: boolean;
  /** `read`: no side effect; `spend`: uses quota or compute; `write`: changes the paper account. */
  effect: "read" | "spend" | "write";
  /** Arguments. */
  input: I;
  /** Structured result. */
  output: O;
  /** Runs the tool; throws the API's errors. */
  run(args: z.output<I>, ctx: ToolContext): Promise<z.input<O>>;
}

/** Any tool, for lists. */
// deno-lint-ignore no-explicit-any
export type AnyTool = McpTool<any, any>;

/**
 * Declares a tool with its input and output types inferred from its schemas.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { defineTool } from "./tool.ts";
 * const ping = defineTool({
 *   name: "ping",
 *   title: "Ping",
 *   description: "Answers pong.",
 *   scope: "read",
 *   effect: "read",
 *   input: z.object({}),
 *   output: z.object({ pong: z.boolean() }),
 *   run: () => Promise.resolve({ pong: true }),
 * });
 * ```
 */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(
  tool: McpTool<I, O>,
): McpTool<I, O> {
  return tool;
}

/** The last `n` items of `items` (all when fewer). */
export function lastN<T>(items: readonly T[], n: number): T[] {
  return items.slice(Math.max(0, items.length - n));
}
