import "../i18n/dictionaries.ts"; // every language on the server
import type { VNode } from "preact";
import { renderToString } from "preact-render-to-string";
import { type BuildManifest, pageScripts } from "../lib/build_manifest.ts";
import { translator } from "../i18n/mod.ts";
import type { Lang } from "../i18n/mod.ts";
import { Layout } from "./Layout.tsx";
import type { UpColour } from "../lib/up_down.ts";
import {
  type PageContext,
  PageCtx,
  type SessionUser,
  type Theme,
} from "../components/page_context.ts";

/** What a route hands to {@link renderPage}. */
export interface PageSpec {
  /** Document title (already translated). */
  title: string;
  /** Meta description (already translated; web sets each page's, see `page_meta.ts`). */
  description?: string;
  /** Page content (inside the layout). */
  body: VNode;
  /** HTTP status (default 200). */
  status?: number;
}

/** Request facts needed to render. */
export interface RenderEnv {
  /** UI language. */
  lang: Lang;
  /** Theme cookie. */
  theme: Theme;
  /** The colour of a rise (default green). */
  upColour?: UpColour;
  /** Path and query of the request. */
  path: string;
  /** True when the request carries a session cookie (default false). */
  signedIn?: boolean;
  /** The signed-in account, when core confirmed the session (default none). */
  user?: SessionUser | null;
  /** The build (null when assets are not built: pages still render, without islands' JS). */
  manifest: BuildManifest | null;
}

/** Builds the page context for one render. */
export function pageContext(env: RenderEnv): PageContext {
  return {
    lang: env.lang,
    t: translator(env.lang),
    theme: env.theme,
    upColour: env.upColour ?? "green",
    path: env.path,
    signedIn: env.signedIn ?? false,
    user: env.user ?? null,
    islands: new Set(),
  };
}

/**
 * Renders a full HTML document: the layout and body first (collecting the islands used), then
 * the head with the hashed stylesheet, the client entry and a modulepreload per island chunk.
 * No inline script: the CSP allows only same-origin script files.
 */
export function renderPage(env: RenderEnv, spec: PageSpec): string {
  const ctx = pageContext(env);
  const body = renderToString(
    <PageCtx.Provider value={ctx}>
      <Layout>{spec.body}</Layout>
    </PageCtx.Provider>,
  );
  const m = env.manifest;
  const scripts = m && ctx.islands.size ? pageScripts(m, ctx.islands) : [];
  const head = renderToString(
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{spec.title} · {ctx.t("app.name")}</title>
      <meta name="description" content={spec.description ?? ctx.t("meta.default")} />
      <link rel="icon" href="data:," />
      {m?.css ? <link rel="stylesheet" href={`/static/build/${m.css}`} /> : null}
      {scripts.slice(1).map((f) => (
        <link
          key={f}
          rel="modulepreload"
          href={`/static/build/${f}`}
        />
      ))}
      {scripts[0] ? <script type="module" src={`/static/build/${scripts[0]}`} /> : null}
    </head>,
  );
  const themeAttr = env.theme === "auto" ? "" : ` data-theme="${env.theme}"`;
  const upAttr = ctx.upColour === "red" ? ` data-up="red"` : "";
  return `<!doctype html><html lang="${env.lang}"${themeAttr}${upAttr}>${head}<body>${body}</body></html>`;
}
