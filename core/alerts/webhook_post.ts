/**
 * The HTTP request of a webhook delivery, pinned to the address that was checked: the host is
 * resolved once ({@link checkResolved}), every address checked, and the connection is made to
 * the first one through a `lookup` that answers only it — so a name that resolves to a public
 * address at check time and to 127.0.0.1 a moment later (DNS rebinding) still reaches the
 * checked address. The URL keeps the host name, so the `Host` header and TLS SNI and
 * certificate check use it. Redirects are never followed. Connections are kept alive and
 * reused (a pooled socket was opened to a checked address too). Under a sandbox that grants a
 * listed host name but not its addresses, that host is called by name (see `mayConnect`).
 *
 * @module
 */
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkResolved, checkWebhookUrl, type Resolver } from "./webhook_target.ts";

/** Most bytes of a receiver's answer read (the rest is discarded). */
const MAX_RESPONSE_BYTES = 64 * 1024;

const agents = {
  "http:": new http.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 }),
  "https:": new https.Agent({ keepAlive: true, maxSockets: 64, maxFreeSockets: 64 }),
};

/** Options of {@link postWebhook}. */
export interface PostWebhookOptions {
  /** Admit loopback and private addresses. */
  allowPrivate: boolean;
  /** Deadline of the whole request, ms. */
  timeoutMs: number;
  /** Host resolver (tests inject one). */
  resolve?: Resolver;
}

/**
 * True when this process may connect to `address:port`. Core's sandbox (`--allow-net` from
 * `WEBHOOK_HOSTS`) may grant a host name without its addresses; Deno checks the address a
 * pinned connection goes to, so such a host is called by name instead ({@link postByName}).
 */
function mayConnect(address: string, port: string): boolean {
  const host = `${address.includes(":") ? `[${address}]` : address}:${port}`;
  try {
    return Deno.permissions.querySync({ name: "net", host }).state === "granted";
  } catch {
    return false;
  }
}

/**
 * The request by host name with `fetch` (which resolves the name again): used only for hosts
 * the administrator listed in `WEBHOOK_HOSTS` without granting their addresses, so a name an
 * attacker controls is never reached this way. No redirects; at most 64 KiB of the answer read.
 */
async function postByName(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<number> {
  const res = await fetch(url, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(timeoutMs),
  });
  const reader = res.body?.getReader();
  let read = 0;
  try {
    while (reader && read < MAX_RESPONSE_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      read += value.byteLength;
    }
  } finally {
    await reader?.cancel().catch(() => {});
  }
  return res.status;
}

/** A lookup that answers `address` whatever it is asked. */
function pinned(address: string): LookupFunction {
  const family = address.includes(":") ? 6 : 4;
  return ((_host: string, opts: { all?: boolean }, cb: (...a: unknown[]) => void) => {
    if (opts?.all) cb(null, [{ address, family }]);
    else cb(null, address, family);
  }) as unknown as LookupFunction;
}

/**
 * POSTs `body` to `rawUrl` with `headers`, connected to a checked address; resolves with the
 * status code. Throws a `ValidationError` when the URL or its addresses are refused, an
 * `Error` named `TimeoutError` past the deadline, and any network error.
 *
 * @example
 * ```ts ignore
 * // needs a receiver
 * const status = await postWebhook("https://hooks.example.com/x", { "webhook-id": "msg_1" }, "{}",
 *   { allowPrivate: false, timeoutMs: 10_000 });
 * ```
 */
export async function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  o: PostWebhookOptions,
): Promise<number> {
  const url = checkWebhookUrl(rawUrl, { allowPrivate: o.allowPrivate });
  const [address] = await checkResolved(url, {
    allowPrivate: o.allowPrivate,
    ...(o.resolve ? { resolve: o.resolve } : {}),
  });
  const proto = url.protocol as "http:" | "https:";
  const port = url.port || (proto === "https:" ? "443" : "80");
  if (!mayConnect(address!, port)) return await postByName(url, headers, body, o.timeoutMs);
  const client = proto === "https:" ? https : http;
  const payload = new TextEncoder().encode(body);
  return await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      const e = new Error(`no answer within ${o.timeoutMs} ms`);
      e.name = "TimeoutError";
      req.destroy(e);
    }, o.timeoutMs);
    const req = client.request(url, {
      method: "POST",
      agent: agents[proto],
      lookup: pinned(address!),
      headers: { ...headers, "content-length": String(payload.byteLength) },
    }, (res) => {
      let read = 0;
      res.on("data", (chunk: Uint8Array) => {
        read += chunk.byteLength;
        if (read > MAX_RESPONSE_BYTES) res.destroy();
      });
      const done = () => {
        clearTimeout(timer);
        resolve(res.statusCode ?? 0);
      };
      res.on("end", done);
      res.on("close", done);
      res.on("error", done);
    });
    req.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    req.end(payload);
  });
}
