/**
 * Per-request render context: language, translator, theme, and the islands the page uses (so
 * the document links exactly their chunks).
 *
 * @module
 */
import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Lang, T } from "../i18n/mod.ts";
import type { UpColour } from "../lib/up_down.ts";
import type { SessionUser } from "../lib/session_user.ts";

export type { SessionUser };

/** A theme choice; `auto` follows the system. */
export type Theme = "dark" | "light" | "auto";

/** What every server component may read. */
export interface PageContext {
  /** UI language. */
  lang: Lang;
  /** Translator for `lang`. */
  t: T;
  /** Theme chosen by cookie. */
  theme: Theme;
  /** The colour of a rise (red in Taiwan's convention). */
  upColour: UpColour;
  /** Current path and query, for links that come back here. */
  path: string;
  /** True when the request carries a session cookie (it may have expired). */
  signedIn: boolean;
  /** The signed-in account (its session checked with core), or null. */
  user: SessionUser | null;
  /** Islands rendered so far (filled during the render). */
  islands: Set<string>;
}

/** The context object. */
export const PageCtx = createContext<PageContext | null>(null);

/** Reads the page context (throws outside a page render). */
export function usePage(): PageContext {
  const ctx = useContext(PageCtx);
  if (!ctx) throw new Error("usePage() called outside a page render");
  return ctx;
}
