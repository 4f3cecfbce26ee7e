/**
 * The MCP client configuration shown on the tokens page: the server's URL (this site's
 * `/mcp`, which web forwards to core) and the bearer header, in the `mcpServers` JSON that
 * Streamable-HTTP MCP clients read (Claude Code's `.mcp.json`, Cursor, VS Code…).
 *
 * @module
 */

/** What stands for the token when no fresh secret is on screen. */
export const TOKEN_PLACEHOLDER = "tsk_YOUR_TOKEN";

/**
 * The `mcpServers` JSON for an MCP client, pretty-printed.
 *
 * @example
 * ```ts
 * import { mcpClientConfig } from "./mcp_config.ts";
 * const text = mcpClientConfig("https://trading.example", null);
 * JSON.parse(text).mcpServers.trading.url; // "https://trading.example/mcp"
 * ```
 */
export function mcpClientConfig(origin: string, token: string | null): string {
  return JSON.stringify(
    {
      mcpServers: {
        trading: {
          type: "http",
          url: `${origin.replace(/\/+$/, "")}/mcp`,
          headers: { Authorization: `Bearer ${token ?? TOKEN_PLACEHOLDER}` },
        },
      },
    },
    null,
    2,
  );
}
