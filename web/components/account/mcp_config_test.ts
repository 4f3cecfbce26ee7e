import assert from "node:assert/strict";
import { mcpClientConfig, TOKEN_PLACEHOLDER } from "./mcp_config.ts";

Deno.test("mcpClientConfig() - names this site's /mcp and the bearer header, placeholder until a token is shown", () => {
  const fresh = JSON.parse(mcpClientConfig("https://t.example/", "tsk_abc"));
  assert.deepEqual(fresh, {
    mcpServers: {
      trading: {
        type: "http",
        url: "https://t.example/mcp",
        headers: { Authorization: "Bearer tsk_abc" },
      },
    },
  });
  const later = JSON.parse(mcpClientConfig("http://127.0.0.1:8000", null));
  assert.equal(later.mcpServers.trading.headers.Authorization, `Bearer ${TOKEN_PLACEHOLDER}`);
});
