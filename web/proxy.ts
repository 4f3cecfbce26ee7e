/**
 * Forwards a browser request to another service unchanged (method, path, query, body, cookies)
 * and streams the answer back (status, headers including `Set-Cookie`, redirects untouched).
 * A service that does not answer becomes a JSON 502/504 in the shared error shape.
 *
 * Web is a proxy like any other: it appends the address its caller connected from to
 * `X-Forwarded-For`, so core (with `TRUST_PROXY_HOPS` counting web) sees each client's own IP.
 * What the caller sent in that header is kept to the left, where core does not trust it.
 *
 * Only the route's allow-listed prefix is forwarded: a path with dot segments or encoded
 * slashes (which a URL parser would resolve to another prefix) is refused with 400 before any
 * upstream call (see {@link upstreamUrl}).
 *
 * @module
 */
import { upstreamUrl } from "./forward_path.ts";

const HOP_BY_HOP = [
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
  "host",
  "accept-encoding",
  "content-length",
];

/** Options of {@link forward}. */
export interface ForwardOptions {
  /** Target base URL, e.g. `http://127.0.0.1:8002`. */
  target: string;
  /**
   * The upstream paths this route may reach: a prefix ending in `/` (`/api/`) or one exact path
   * (`/docs`). Anything else, once parsed, is refused with 400.
   */
  allow: string;
  /** The fetch to use. */
  fetch: typeof fetch;
  /** Time allowed until the response headers arrive (with `buffer`, until the whole body has). */
  timeoutMs: number;
  /** Request id to propagate. */
  requestId?: string | undefined;
  /** Name of the service, for the error message. */
  service: string;
  /** The address the caller connected from, appended to `X-Forwarded-For`. */
  clientIp?: string | undefined;
  /**
   * Read the whole answer before replying (finite answers such as rendered charts): a service
   * that dies in the middle of its body is then a JSON 502, not a connection cut under the
   * browser. Event streams must not set it.
   */
  buffer?: boolean;
}

/** Forwards `req` to `target` + its path and query. */
export async function forward(req: Request, opts: ForwardOptions): Promise<Response> {
  const upstream = upstreamUrl(opts.target, req.url, opts.allow);
  if (!upstream.ok) {
    await req.body?.cancel();
    return Response.json({
      error: {
        code: "bad_path",
        message: "Path not allowed: dot segments and encoded slashes or backslashes are refused.",
        ...(opts.requestId ? { request_id: opts.requestId } : {}),
      },
    }, { status: 400 });
  }
  const url = new URL(req.url);
  const headers = new Headers();
  for (const [k, v] of req.headers) if (!HOP_BY_HOP.includes(k)) headers.set(k, v);
  // the answer is compressed once, by web for the browser (core would otherwise compress it
  // for web's fetch, which decompresses it)
  headers.set("accept-encoding", "identity");
  headers.set("x-forwarded-host", url.host);
  headers.set("x-forwarded-proto", url.protocol.replace(":", ""));
  if (opts.requestId) headers.set("x-request-id", opts.requestId);
  if (opts.clientIp !== undefined) {
    const prior = req.headers.get("x-forwarded-for");
    headers.set("x-forwarded-for", prior ? `${prior}, ${opts.clientIp}` : opts.clientIp);
  }
  // The body is streamed through, never buffered here (its size is limited before forwarding).
  const body = req.method !== "GET" && req.method !== "HEAD" ? req.body : null;
  const ctrl = new AbortController();
  const timer = setTimeout(
    () => ctrl.abort(new DOMException("timeout", "TimeoutError")),
    opts.timeoutMs,
  );
  let res: Response;
  let answer: BodyInit | null;
  try {
    res = await opts.fetch(upstream.url, {
      method: req.method,
      headers,
      body,
      ...(body ? { duplex: "half" } : {}),
      redirect: "manual",
      signal: ctrl.signal,
    });
    answer = opts.buffer ? await res.arrayBuffer() : res.body;
  } catch (e) {
    const timeout = e instanceof DOMException && e.name === "TimeoutError";
    return Response.json({
      error: {
        code: timeout ? "upstream_timeout" : "upstream_unavailable",
        message: timeout
          ? `The ${opts.service} service did not answer in time.`
          : `The ${opts.service} service is not reachable right now.`,
        ...(opts.requestId ? { request_id: opts.requestId } : {}),
      },
    }, { status: timeout ? 504 : 502 });
  } finally {
    clearTimeout(timer);
  }
  const out = new Headers();
  for (const [k, v] of res.headers) {
    if (k === "set-cookie" || HOP_BY_HOP.includes(k) || k === "content-encoding") continue;
    out.set(k, v);
  }
  for (const c of res.headers.getSetCookie()) out.append("set-cookie", c);
  return new Response(answer, { status: res.status, statusText: res.statusText, headers: out });
}
