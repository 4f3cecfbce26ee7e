/**
 * The one check of a "come back to" path (`?next=` of the preference switches and the sign-in
 * page): only a path on this site is accepted, so no redirect or `location.assign()` can be
 * turned into a jump to another site.
 *
 * @module
 */

const BASE = "http://local.invalid";

/**
 * `next` when it is a path on this site, else `fallback`. It must start with one `/` (not `//`),
 * contain no control character and no backslash (browsers drop tabs and newlines and read `\`
 * as `/`, so `/\t/evil.example` would become `//evil.example`), and resolve on this origin. The
 * result is the parsed, percent-encoded form, so it is always a valid `Location` header.
 *
 * @example
 * ```ts
 * sameOriginPath("/symbol/AAPL?range=1y"); // "/symbol/AAPL?range=1y"
 * sameOriginPath("/%09/evil.example".replace("%09", "\t")); // "/"
 * ```
 */
export function sameOriginPath(next: string | null | undefined, fallback = "/"): string {
  if (!next || next.length > 2048 || !next.startsWith("/") || next.startsWith("//")) {
    return fallback;
  }
  // deno-lint-ignore no-control-regex
  if (/[\x00-\x1f\x7f\\]/.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE) return fallback;
  const path = url.pathname + url.search + url.hash;
  return path.startsWith("/") && !path.startsWith("//") ? path : fallback;
}
