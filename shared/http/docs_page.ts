/**
 * A self-contained HTML page documenting an OpenAPI document (no CDN, works offline).
 *
 * @module
 */

/**
 * The Content-Security-Policy of the docs page: it runs no script and loads nothing but its own
 * inline styles and `data:` images (its favicon); it may not be framed, post forms or rebase links.
 * Give it as `htmlCsp` to `securityHeaders` on a service that serves {@link renderDocsPage}.
 */
export const DOCS_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

function esc(s: unknown): string {
  return String(s).replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

interface Op {
  summary?: string;
  tags?: string[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: unknown;
  }[];
  requestBody?: { content: Record<string, { schema?: unknown }> };
  responses?: Record<
    string,
    { description?: string; content?: Record<string, { schema?: unknown }> }
  >;
}

/** Renders the docs page for `doc` (an OpenAPI 3 object) linking to its JSON at `specUrl`. */
export function renderDocsPage(doc: Record<string, unknown>, specUrl = "/openapi.json"): string {
  const info = doc.info as { title: string; version: string; description?: string };
  const paths = doc.paths as Record<string, Record<string, Op>>;
  const sections: string[] = [];
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const params = (op.parameters ?? []).map((p) =>
        `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${
          p.required ? "yes" : "no"
        }</td>` +
        `<td>${esc(p.description ?? "")} <code>${
          esc(JSON.stringify(p.schema ?? {}))
        }</code></td></tr>`
      ).join("");
      const body = op.requestBody?.content?.["application/json"]?.schema;
      const okStatus = Object.keys(op.responses ?? {}).find((s) => s.startsWith("2")) ?? "200";
      const ok = op.responses?.[okStatus]?.content;
      const okSchema = ok && Object.values(ok)[0]?.schema;
      const errs = Object.entries(op.responses ?? {}).filter(([s]) => s !== okStatus)
        .map(([s, r]) => `<code>${esc(s)}</code> ${esc(r.description ?? "")}`).join(", ");
      const tryLink = method === "get" && !path.includes("{")
        ? ` <a href="${esc(path)}">try it</a>`
        : "";
      sections.push(`<section><h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span>
<code>${esc(path)}</code>${tryLink}</h3><p>${esc(op.summary ?? "")}</p>
${
        params
          ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params}</table>`
          : ""
      }
${
        body
          ? `<details><summary>request body</summary><pre>${
            esc(JSON.stringify(body, null, 2))
          }</pre></details>`
          : ""
      }
${
        okSchema
          ? `<details><summary>200 response</summary><pre>${
            esc(JSON.stringify(okSchema, null, 2))
          }</pre></details>`
          : ""
      }
${errs ? `<p class="errs">errors: ${errs}</p>` : ""}</section>`);
    }
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${
    esc(info.title)
  } docs</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1b1f24}
section{border-top:1px solid #d0d7de;padding:.5rem 0}h3{font-size:1rem;margin:.5rem 0}
.m{display:inline-block;min-width:4em;padding:0 .4em;border-radius:4px;color:#fff;background:#57606a;font-size:.8rem}
.get{background:#0969da}.post{background:#1a7f37}.delete{background:#cf222e}
table{border-collapse:collapse;font-size:.85rem}td,th{border:1px solid #d0d7de;padding:.2rem .4rem;text-align:left}
pre{background:#f6f8fa;padding:.5rem;overflow:auto;font-size:.8rem}.errs{color:#57606a;font-size:.85rem}</style></head>
<body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${
    esc(info.description ?? "")
  }</p>
<p>Machine-readable document: <a href="${esc(specUrl)}">${esc(specUrl)}</a>. Errors share one body:
<code>{"error":{"code","message","details"?}}</code>.</p>${sections.join("\n")}</body></html>`;
}
