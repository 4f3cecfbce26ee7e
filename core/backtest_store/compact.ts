/**
 * Compact storage form of a backtest result: the JSON, gzip-compressed and base64-encoded behind
 * a `gz1:` marker, so it fits a TEXT column on SQLite and PostgreSQL. Lossless: reading it back
 * gives the exact JSON that was answered (rows written before compaction, plain JSON, still read).
 *
 * @module
 */

const MARKER = "gz1:";

async function pipe(bytes: Uint8Array, stream: GenericTransformStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

function fromBase64(text: string): Uint8Array {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * The stored form of a result's JSON text.
 *
 * @example
 * ```ts
 * const stored = await compactJson('{"a":1}');
 * stored.startsWith("gz1:"); // true
 * ```
 */
export async function compactJson(json: string): Promise<string> {
  const gz = await pipe(new TextEncoder().encode(json), new CompressionStream("gzip"));
  return MARKER + toBase64(gz);
}

/**
 * The JSON text of a stored result (compact or, for older rows, plain).
 *
 * @example
 * ```ts
 * await expandJson(await compactJson('{"a":1}')); // '{"a":1}'
 * ```
 */
export async function expandJson(stored: string): Promise<string> {
  if (!stored.startsWith(MARKER)) return stored;
  const bytes = await pipe(
    fromBase64(stored.slice(MARKER.length)),
    new DecompressionStream("gzip"),
  );
  return new TextDecoder().decode(bytes);
}
