/**
 * How MCP tools reach core's services: an in-process request to core's own declared HTTP route
 * (`app.fetch`, no network), carrying the caller's bearer token and client address. The route
 * runs exactly as for an HTTP client — authentication, the token-scope guard, the rate limits
 * of `core/app.ts`, quotas, validation and the handler — so a tool has no second
 * implementation, spends the same counters and fails with the API's own messages.
 *
 * @module
 */

/** Fetches from core's own app (`app.fetch` with the outer request's connection info). */
export type CoreFetch = (req: Request) => Response | Promise<Response>;

/** A route's error answer, as a tool reports it (the API's message, status and code). */
export class ApiCallError extends Error {
  /** HTTP status of the route's answer. */
  readonly status: number;
  /** The API's error code (`validation_error`, `not_found`, `forbidden`, …). */
  readonly code: string;
  /** The API's error details (field issues for 422s). */
  readonly details: unknown;

  /**
   * @param status the route's HTTP status
   * @param code the API's error code
   * @param message the API's message
   * @param details the API's details
   */
  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = "ApiCallError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** One in-process call: method, path and optional query or JSON body. */
export interface ApiCall {
  /** HTTP method. */
  method: "GET" | "POST" | "DELETE";
  /** Path of a declared core route, parameters already encoded. */
  path: string;
  /** Query parameters (undefined values are left out). */
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body. */
  body?: unknown;
}

/** Calls core's routes as the MCP caller. */
export interface ApiClient {
  /** The parsed JSON answer of a 2xx; throws {@link ApiCallError} otherwise. */
  call<T>(call: ApiCall): Promise<T>;
}

/** Headers of the outer `/mcp` request that the inner calls keep. */
const KEPT = ["authorization", "x-forwarded-for", "x-request-id", "user-agent"] as const;

/**
 * A client calling core's routes in-process as the caller of `outer`: only its bearer token
 * (never a cookie), its forwarded-for chain (the rate limiter's client address) and its
 * request id cross over.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { apiClient } from "./dispatch.ts";
 * const app = new Hono().get("/api/ping", (c) => c.json({ pong: c.req.query("n") }));
 * const api = apiClient((r) => app.fetch(r), new Request("http://core.test/mcp"));
 * const answer = await api.call<{ pong: string }>({ method: "GET", path: "/api/ping", query: { n: 1 } });
 * answer.pong; // "1"
 * ```
 */
export function apiClient(fetch: CoreFetch, outer: Request): ApiClient {
  const base = new URL(outer.url);
  const headers = new Headers({ accept: "application/json" });
  for (const name of KEPT) {
    const v = outer.headers.get(name);
    if (v !== null && (name !== "authorization" || /^Bearer\s/i.test(v))) headers.set(name, v);
  }
  return {
    async call<T>({ method, path, query, body }: ApiCall): Promise<T> {
      const url = new URL(path, base);
      for (const [k, v] of Object.entries(query ?? {})) {
        if (v !== undefined) url.searchParams.set(k, String(v));
      }
      const h = new Headers(headers);
      if (body !== undefined) h.set("content-type", "application/json");
      const res = await fetch(
        new Request(url, {
          method,
          headers: h,
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        }),
      );
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch { /* not JSON: reported below */ }
      if (res.ok && json !== null) return json as T;
      const err = (json as { error?: { code?: string; message?: string; details?: unknown } })
        ?.error;
      throw new ApiCallError(
        res.status,
        err?.code ?? "error",
        err?.message ?? `HTTP ${res.status} from ${method} ${path}`,
        err?.details,
      );
    },
  };
}
