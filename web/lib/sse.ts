/**
 * Reads a server-sent-events body from `fetch` (unlike EventSource this sees the HTTP status,
 * sends the same-origin cookie, and works with POST).
 *
 * @module
 */

/** One event. */
export interface SseEvent {
  /** `event:` field (default "message"). */
  event: string;
  /** Joined `data:` lines. */
  data: string;
}

/** Splits SSE text into complete events; returns them and the unfinished rest. */
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const blocks = buffer.replace(/\r\n/g, "\n").split("\n\n");
  const rest = blocks.pop() ?? "";
  for (const block of blocks) {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const i = line.indexOf(":");
      const field = i < 0 ? line : line.slice(0, i);
      const value = i < 0 ? "" : line.slice(i + 1).replace(/^ /, "");
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length) events.push({ event, data: data.join("\n") });
  }
  return { events, rest };
}

/** Reads `res.body` as SSE, calling `onEvent` per event until the stream ends. */
export async function readSse(res: Response, onEvent: (e: SseEvent) => void): Promise<void> {
  if (!res.body) return;
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = "";
  while (true) {
    const { value, done } = await reader.read();
    if (done) break;
    const { events, rest } = parseSse(buf + value);
    buf = rest;
    events.forEach(onEvent);
  }
  const { events } = parseSse(buf + "\n\n");
  events.forEach(onEvent);
}
