/**
 * Response compression for the three services: hono's `compress` (gzip or deflate, chosen from
 * the request's `Accept-Encoding` with its q-values, `Vary: Accept-Encoding` added, ETags made
 * weak, `Cache-Control: no-transform`, HEAD, 206 and encoded answers left alone, compressible
 * types only, so no PNG and no `text/event-stream`), plus the one thing it misses on Deno: an
 * answer built from a string has no `Content-Length` yet, so hono would compress even a 20-byte
 * body. Here the first `threshold` bytes are read ahead; a body that ends before that is sent as
 * is with its length, a longer one is passed on to the compressor unchanged (streamed, never
 * buffered whole).
 *
 * @module
 */
import type { Context, MiddlewareHandler } from "hono";
import { compress, COMPRESSIBLE_CONTENT_TYPE_REGEX } from "hono/compress";

/** Options of {@link compression}. */
export interface CompressionOptions {
  /** Smallest body compressed, in bytes (default 1024: below that gzip saves nothing). */
  threshold?: number;
}

/** A response whose body is read ahead up to `threshold` bytes (see the module doc). */
async function sized(res: Response, threshold: number): Promise<Response> {
  const reader = res.body!.getReader();
  const head: Uint8Array[] = [];
  let size = 0;
  while (size < threshold) {
    const { done, value } = await reader.read();
    if (done) {
      const body = new Uint8Array(size);
      let at = 0;
      for (const part of head) body.set(part, at), at += part.length;
      const out = new Response(body, res);
      out.headers.set("content-length", String(size));
      return out;
    }
    head.push(value);
    size += value.length;
  }
  const rest = new ReadableStream<Uint8Array>({
    start(ctrl) {
      for (const part of head) ctrl.enqueue(part);
    },
    async pull(ctrl) {
      const { done, value } = await reader.read();
      if (done) ctrl.close();
      else ctrl.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(rest, res);
}

function needsSize(c: Context): boolean {
  const h = c.res.headers;
  return c.res.body !== null && c.req.method !== "HEAD" && !h.has("content-length") &&
    !h.has("content-encoding") && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(h.get("content-type") ?? "");
}

/**
 * Compresses every compressible answer of at least `threshold` bytes the client accepts
 * compressed, with `Vary: Accept-Encoding`.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { compression } from "./compression.ts";
 *
 * const app = new Hono().use(compression()).get("/", (c) => c.json({ rows: "x".repeat(5000) }));
 * const res = await app.request("/", { headers: { "accept-encoding": "gzip" } });
 * res.headers.get("content-encoding"); // "gzip"
 * ```
 */
export function compression({ threshold = 1024 }: CompressionOptions = {}): MiddlewareHandler {
  const gzip = compress({ threshold });
  return async function compression(c, next) {
    await gzip(c, async () => {
      await next();
      if (needsSize(c)) c.res = await sized(c.res, threshold);
    });
  };
}
