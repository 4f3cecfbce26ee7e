/**
 * The contract between the app and its page routes.
 *
 * @module
 */
import type { CoreClient } from "../lib/core_client.ts";
import type { Lang, T } from "../i18n/mod.ts";
import type { PageSpec } from "../pages/render_page.tsx";

/** What a page loader receives. */
export interface PageRequest {
  /** UI language. */
  lang: Lang;
  /** Translator. */
  t: T;
  /** Path parameters. */
  params: Record<string, string>;
  /** Query string. */
  query: URLSearchParams;
  /** Core, with the browser's cookie forwarded. */
  core: CoreClient;
}

/** A page: its route pattern and its loader. */
export interface PageRoute {
  /** Hono path pattern. */
  path: string;
  /** Loads data from core and returns what to render. */
  load: (req: PageRequest) => Promise<PageSpec>;
}
