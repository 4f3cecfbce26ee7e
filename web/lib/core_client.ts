/**
 * Server-side reads from core over HTTP (web never imports core's runtime code). Every call has
 * a timeout and resolves to a result instead of throwing, so pages can show a friendly state.
 *
 * @module
 */

/** Outcome of a call to core. */
export type CoreResult<T> =
  | { ok: true; data: T }
  | { ok: false; status: number; code: string; message: string };

/** Why core could not answer, when it did not answer at all. */
export const CORE_UNREACHABLE = "core_unreachable";

/** A client bound to one incoming request (its cookie and request id are forwarded). */
export interface CoreClient {
  /**
   * GET `path` (e.g. `/api/symbols/AAPL/quote`) and parse JSON; `timeoutMs` overrides the
   * client's timeout for a read that core may compute at length first.
   */
  get<T>(path: string, options?: { timeoutMs?: number }): Promise<CoreResult<T>>;
}

/** Options of {@link coreClient}. */
export interface CoreClientOptions {
  /** Core's base URL. */
  baseUrl: string;
  /** The fetch to use. */
  fetch: typeof fetch;
  /** Cookie header of the browser's request, forwarded for per-user data. */
  cookie?: string | undefined;
  /** Request id to propagate. */
  requestId?: string | undefined;
  /** Timeout per call in ms (default 4000). */
  timeoutMs?: number;
}

/**
 * Creates a {@link CoreClient}.
 *
 * @example
 * ```ts
 * import { coreClient } from "./core_client.ts";
 *
 * // web passes the global fetch; a stub stands in for core here.
 * const stub: typeof fetch = () => Promise.resolve(Response.json({ total: 13 }));
 * const core = coreClient({ baseUrl: "http://127.0.0.1:8002", fetch: stub });
 * const r = await core.get<{ total: number }>("/symbols");
 * if (r.ok) console.log(r.data.total); // 13
 * ```
 */
export function coreClient(opts: CoreClientOptions): CoreClient {
  const { baseUrl, cookie, requestId, timeoutMs = 4000 } = opts;
  return {
    async get<T>(path: string, options: { timeoutMs?: number } = {}): Promise<CoreResult<T>> {
      const headers: Record<string, string> = { accept: "application/json" };
      if (cookie) headers.cookie = cookie;
      if (requestId) headers["x-request-id"] = requestId;
      let res: Response;
      try {
        res = await opts.fetch(baseUrl + path, {
          headers,
          signal: AbortSignal.timeout(options.timeoutMs ?? timeoutMs),
        });
      } catch (e) {
        const timeout = e instanceof DOMException && e.name === "TimeoutError";
        return {
          ok: false,
          status: 503,
          code: CORE_UNREACHABLE,
          message: timeout ? "core did not answer in time" : "core is not reachable",
        };
      }
      let body: unknown;
      try {
        body = await res.json();
      } catch {
        return { ok: false, status: res.status, code: "bad_response", message: "not JSON" };
      }
      if (!res.ok) {
        const err = (body as { error?: { code?: string; message?: string } }).error;
        return {
          ok: false,
          status: res.status,
          code: err?.code ?? "error",
          message: err?.message ?? `HTTP ${res.status}`,
        };
      }
      return { ok: true, data: body as T };
    },
  };
}
