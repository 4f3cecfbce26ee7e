/**
 * HTTP/1.1 over a raw TCP connection, for the tests that must send what `fetch()` and
 * `new Request()` would rewrite first: a path kept as typed (`/api/%2e%2e/metrics`, like
 * `curl --path-as-is`), or headers trickled line by line.
 *
 * @module
 */

/** An answer read by {@link rawRequest}. */
export interface RawAnswer {
  /** Status code of the status line (0 when the server closed without answering). */
  status: number;
  /** Header block, lower-cased names. */
  headers: Map<string, string>;
  /** Body text (not de-chunked). */
  body: string;
}

/**
 * Sends `GET {target}` (or `method`) exactly as written to `127.0.0.1:{port}` with
 * `Connection: close`, and reads the answer to the end.
 *
 * @example
 * ```ts ignore
 * const { status } = await rawRequest(8000, "/api/%2e%2e/metrics");
 * ```
 */
export async function rawRequest(
  port: number,
  target: string,
  { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawAnswer> {
  const conn = await Deno.connect({ hostname: "127.0.0.1", port });
  try {
    const lines = [`${method} ${target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, "Connection: close"];
    for (const [k, v] of Object.entries(headers)) lines.push(`${k}: ${v}`);
    await conn.write(new TextEncoder().encode(lines.join("\r\n") + "\r\n\r\n"));
    const text = await readAll(conn);
    return parseAnswer(text);
  } finally {
    try {
      conn.close();
    } catch { /* closed by the server */ }
  }
}

/** Reads `conn` until the server closes it (or resets it). */
export async function readAll(conn: Deno.Conn): Promise<string> {
  const dec = new TextDecoder();
  const buf = new Uint8Array(16 * 1024);
  let text = "";
  try {
    for (let n = await conn.read(buf); n !== null; n = await conn.read(buf)) {
      text += dec.decode(buf.subarray(0, n), { stream: true });
    }
  } catch { /* reset */ }
  return text;
}

/** Status, headers and body of a raw HTTP/1.1 answer. */
export function parseAnswer(text: string): RawAnswer {
  const end = text.indexOf("\r\n\r\n");
  const head = end < 0 ? text : text.slice(0, end);
  const [statusLine = "", ...rest] = head.split("\r\n");
  const headers = new Map<string, string>();
  for (const line of rest) {
    const i = line.indexOf(":");
    if (i > 0) headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return {
    status: Number(statusLine.split(" ")[1] ?? 0) || 0,
    headers,
    body: end < 0 ? "" : text.slice(end + 4),
  };
}
