/**
 * Test helpers private to core/mcp: the SDK's own MCP client connected to a core app, in
 * process (the app's `request`) or over HTTP (a real core process), with a bearer token.
 *
 * @module
 */
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

/** Connects the SDK client to `url`, sending `token` as a bearer token when given. */
export async function mcpClient(
  url: string,
  { token, fetch, headers = {} }: {
    token?: string;
    fetch?: (url: string | URL, init?: RequestInit) => Promise<Response>;
    headers?: Record<string, string>;
  } = {},
): Promise<Client> {
  const client = new Client({ name: "trading-tests", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    requestInit: {
      headers: { ...headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    },
    ...(fetch ? { fetch } : {}),
  });
  await client.connect(transport);
  return client;
}

/** The text of a tool result's first content block. */
export function textOf(result: { content?: unknown }): string {
  const first = (result.content as { type: string; text?: string }[] | undefined)?.[0];
  return first?.type === "text" ? first.text ?? "" : "";
}
