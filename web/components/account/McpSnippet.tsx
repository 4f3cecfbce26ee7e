/**
 * The copy-ready MCP client configuration under the tokens form: this site's `/mcp` URL and the
 * `Authorization: Bearer` header (with the token just created, else a placeholder).
 *
 * @module
 */
import { useEffect, useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";
import { mcpClientConfig } from "./mcp_config.ts";

/** The MCP snippet with a copy button. */
export function McpSnippet({ t, token }: { t: T; token: string | null }) {
  // the page's own origin, known only in the browser (the server may sit behind a proxy)
  const [origin, setOrigin] = useState("https://your-trading-site");
  const [copied, setCopied] = useState(false);
  useEffect(() => setOrigin(location.origin), []);
  useEffect(() => setCopied(false), [token]);
  const text = mcpClientConfig(origin, token);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch { /* no clipboard permission: the text stays selectable */ }
  };
  return (
    <div class="mcp-snippet">
      <h3>{t("acct.tokens.mcp.title")}</h3>
      <p class="muted small">{t("acct.tokens.mcp.intro")}</p>
      <pre class="prose snippet" data-testid="mcp-config" tabIndex={0}><code>{text}</code></pre>
      <button type="button" onClick={copy}>{t("acct.tokens.mcp.copy")}</button>{" "}
      <span role="status" class="small muted">{copied ? t("acct.tokens.mcp.copied") : ""}</span>
    </div>
  );
}
