/**
 * Webhook URLs are user input pointed at our network: this module decides which may be
 * called. A URL must be http(s), carry no credentials, and every address its host resolves
 * to must be public unicast. `allowPrivate` (the `ALLOW_PRIVATE_WEBHOOKS` setting, for
 * self-hosters and tests) also admits loopback and private ranges; link-local (cloud metadata
 * at 169.254.169.254), multicast, unspecified and reserved addresses are always refused.
 *
 * @module
 */
import ipaddr from "ipaddr.js";
import { ValidationError } from "@trading/shared/errors";

/** Resolves a host name to its addresses (default: the system resolver, as `fetch` uses). */
export type Resolver = (host: string) => Promise<string[]>;

/** Ranges (ipaddr.js names) allowed only with `allowPrivate`. */
const PRIVATE = new Set(["loopback", "private", "uniqueLocal", "carrierGradeNat"]);

/**
 * Why `address` may not be called, or null when it may.
 *
 * @example
 * ```ts
 * import { refusedAddress } from "./webhook_target.ts";
 * refusedAddress("93.184.216.34", false); // null
 * refusedAddress("169.254.169.254", true); // "linkLocal address 169.254.169.254"
 * refusedAddress("127.0.0.1", false); // "loopback address 127.0.0.1"
 * ```
 */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  if (!ipaddr.isValid(address)) return `not an IP address: ${address}`;
  let ip = ipaddr.parse(address);
  if (ip.kind() === "ipv6" && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  const range = ip.range();
  if (range === "unicast") return null;
  if (allowPrivate && PRIVATE.has(range)) return null;
  return `${range} address ${address}`;
}

function refuse(message: string): never {
  throw new ValidationError(`Cannot use this webhook URL: ${message}`, [{ field: "url", message }]);
}

/**
 * Checks the form of a webhook URL (http(s), no credentials, a host, an IP literal that is
 * allowed) and returns it parsed; throws a 422 `ValidationError` naming `url` otherwise.
 *
 * @example
 * ```ts
 * import { checkWebhookUrl } from "./webhook_target.ts";
 * checkWebhookUrl("https://hooks.example.com/x", { allowPrivate: false }).host; // "hooks.example.com"
 * ```
 */
export function checkWebhookUrl(raw: string, { allowPrivate }: { allowPrivate: boolean }): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return refuse("not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") refuse("only http and https");
  if (url.username || url.password) refuse("credentials in the URL are not allowed");
  if (!url.hostname) refuse("no host");
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host)) {
    const why = refusedAddress(host, allowPrivate);
    if (why) refuse(`${why} is not allowed`);
  }
  return url;
}

/** The system resolver (`getaddrinfo`, the one `fetch` uses), every address. */
export const systemResolver: Resolver = async (host) => {
  const { lookup } = await import("node:dns/promises");
  const found = await lookup(host, { all: true, verbatim: true });
  return found.map((a) => a.address);
};

/**
 * Resolves the URL's host and checks every address; throws a 422 `ValidationError` when one
 * is refused or the name does not resolve.
 */
export async function checkResolved(
  url: URL,
  { allowPrivate, resolve = systemResolver }: { allowPrivate: boolean; resolve?: Resolver },
): Promise<string[]> {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  let addresses: string[];
  try {
    addresses = ipaddr.isValid(host) ? [host] : await resolve(host);
  } catch {
    return refuse(`the host ${host} does not resolve`);
  }
  if (addresses.length === 0) refuse(`the host ${host} does not resolve`);
  for (const a of addresses) {
    const why = refusedAddress(a, allowPrivate);
    if (why) refuse(`${host} resolves to a ${why}, which is not allowed`);
  }
  return addresses;
}
