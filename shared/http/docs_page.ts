/**
 * A self-contained HTML page documenting an OpenAPI document (no CDN, no script, works offline):
 * a way back to the dashboard, a table of contents by tag, then each operation with its
 * parameters, request and response schemas. Light or dark from the dashboard's `theme` cookie
 * (else the system's preference, see {@link themedDocsPage}); fits a 390 px phone (wide tables
 * and schemas scroll inside their own box).
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

/** Escaped prose whose `backticked` words are shown as code (the summaries are written so). */
function prose(s: unknown): string {
  return esc(s).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** A parameter's schema without its description, which the cell already shows as prose. */
function schemaText(schema: unknown): string {
  if (typeof schema !== "object" || schema === null) return JSON.stringify(schema ?? {});
  const { description: _shown, ...rest } = schema as Record<string, unknown>;
  return JSON.stringify(rest);
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

const STYLE = `:root{color-scheme:light;--bg:#fff;--fg:#1b1f24;--muted:#57606a;--line:#d0d7de;
--code:#f6f8fa;--link:#0550ae}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){color-scheme:dark;--bg:#0d1117;
--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;--code:#161b22;--link:#58a6ff}}
:root[data-theme=dark]{color-scheme:dark;--bg:#0d1117;--fg:#e6edf3;--muted:#9da7b3;--line:#30363d;
--code:#161b22;--link:#58a6ff}
body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:1rem auto 2rem;padding:0 1rem;
background:var(--bg);color:var(--fg);overflow-wrap:anywhere}
a{color:var(--link)}h1{font-size:1.5rem;margin:.5rem 0}h2{margin:1.5rem 0 .25rem}
section{border-top:1px solid var(--line);padding:.5rem 0}h3{font-size:1rem;margin:.5rem 0}
.m{display:inline-block;min-width:4em;padding:0 .4em;border-radius:4px;color:#fff;
background:#57606a;font-size:.8rem}.get{background:#0550ae}.post{background:#116329}
.put,.patch{background:#7d4e00}.delete{background:#a40e26}
.tw{overflow-x:auto}table{border-collapse:collapse;font-size:.85rem}
td,th{border:1px solid var(--line);padding:.2rem .4rem;text-align:left;vertical-align:top;
overflow-wrap:normal;word-break:keep-all}td:last-child{overflow-wrap:anywhere;min-width:12rem}
.tw:focus-visible,pre:focus-visible{outline:2px solid var(--link)}
pre{background:var(--code);padding:.5rem;overflow:auto;font-size:.8rem}
.errs,.muted{color:var(--muted);font-size:.85rem}nav.back{margin:.5rem 0}
.toc{columns:16rem;padding-left:1.2rem}.toc ul{padding-left:1rem;font-size:.85rem}`;

const anchor = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");

function operation(path: string, method: string, op: Op, id: string): string {
  const params = (op.parameters ?? []).map((p) =>
    `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${
      p.required ? "yes" : "no"
    }</td><td>${prose(p.description ?? "")} <code>${esc(schemaText(p.schema))}</code></td></tr>`
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
  const schema = (label: string, s: unknown) =>
    s
      ? `<details><summary>${label}</summary><pre tabindex="0">${
        esc(JSON.stringify(s, null, 2))
      }</pre></details>`
      : "";
  return `<section id="${id}"><h3><span class="m ${esc(method)}">${
    esc(method.toUpperCase())
  }</span> <code>${esc(path)}</code>${tryLink}</h3><p>${prose(op.summary ?? "")}</p>
${
    params
      ? `<div class="tw" tabindex="0" role="region" aria-label="${
        esc(`${method.toUpperCase()} ${path} parameters`)
      }"><table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params}</table></div>`
      : ""
  }
${schema("request body", body)}
${schema(`${esc(okStatus)} response`, okSchema)}
${errs ? `<p class="errs">errors: ${errs}</p>` : ""}</section>`;
}

/**
 * Renders the docs page for `doc` (an OpenAPI 3 object) linking to its JSON at `specUrl`; the
 * way back leads to `home` (the dashboard when served through web).
 */
export function renderDocsPage(
  doc: Record<string, unknown>,
  specUrl = "/openapi.json",
  home = "/",
): string {
  const info = doc.info as { title: string; version: string; description?: string };
  const paths = doc.paths as Record<string, Record<string, Op>>;
  const byTag = new Map<string, { path: string; method: string; op: Op }[]>();
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const tag = op.tags?.[0] ?? "other";
      byTag.set(tag, [...byTag.get(tag) ?? [], { path, method, op }]);
    }
  }
  const toc: string[] = [], body: string[] = [];
  for (const [tag, ops] of byTag) {
    const tagId = `tag-${anchor(tag)}`;
    const items = ops.map(({ path, method, op }) => {
      const id = `op-${method}-${anchor(path)}`;
      body.push(operation(path, method, op, id));
      return `<li><a href="#${id}">${esc(method.toUpperCase())} ${esc(path)}</a></li>`;
    });
    body.splice(body.length - ops.length, 0, `<h2 id="${tagId}">${esc(tag)}</h2>`);
    toc.push(`<li><a href="#${tagId}">${esc(tag)}</a> <span class="muted">(${ops.length})</span>
<ul>${items.join("")}</ul></li>`);
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${
    esc(info.title)
  } docs</title>
<meta name="viewport" content="width=device-width,initial-scale=1"><link rel="icon" href="data:,">
<meta name="description" content="${
    esc(`Reference of every route of the ${info.title}: parameters, request and response schemas.`)
  }">
<style>${STYLE}</style></head>
<body><nav class="back" aria-label="Back"><a href="${esc(home)}">← Back to the dashboard</a></nav>
<header><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${
    esc(info.description ?? "")
  }</p>
<p>Machine-readable document: <a href="${esc(specUrl)}">${esc(specUrl)}</a>. Errors share one body:
<code>{"error":{"code","message","details"?}}</code>.</p></header>
<nav aria-labelledby="toc-h"><h2 id="toc-h">Contents</h2><ul class="toc">${
    toc.join("\n")
  }</ul></nav>
<main>${body.join("\n")}</main></body></html>`;
}

/**
 * The docs page in the dashboard's theme: `theme` is the value of its `theme` cookie (`dark` or
 * `light`; anything else leaves the system's preference in charge).
 */
export function themedDocsPage(html: string, theme: string | undefined): string {
  if (theme !== "dark" && theme !== "light") return html;
  return html.replace('<html lang="en">', `<html lang="en" data-theme="${theme}">`);
}
