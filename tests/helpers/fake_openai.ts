/**
 * A local OpenAI-compatible server for tests, on 127.0.0.1 and a free port. It answers
 * `POST /v1/chat/completions` as the real API does — a `chat.completion` object, or with
 * `stream: true` server-sent `chat.completion.chunk` events ending with `data: [DONE]` (and a
 * usage chunk when `stream_options.include_usage`) — and can answer errors (429, 500), garbage
 * (malformed JSON), refusals and hangs. Every request body is recorded.
 *
 * @module
 */

/** What the fake answers to one request. */
export type FakeReply =
  | { json: unknown; usage?: FakeUsage }
  | { text: string; usage?: FakeUsage }
  | { refusal: string }
  | { status: number; message?: string; retryAfterMs?: number }
  | { hangMs: number };

/** Token counts reported in `usage`. */
export interface FakeUsage {
  /** Input tokens. */
  prompt_tokens: number;
  /** Output tokens. */
  completion_tokens: number;
}

/** One recorded request. */
export interface FakeRequest {
  /** Parsed JSON body. */
  body: {
    model: string;
    messages: { role: string; content: string }[];
    stream?: boolean;
    response_format?: { type: string; json_schema?: { name: string; schema: unknown } };
    [k: string]: unknown;
  };
  /** Authorization header. */
  authorization: string | null;
}

/** A running fake. */
export interface FakeOpenAI {
  /** Base URL to give the client (`http://127.0.0.1:PORT/v1`). */
  baseURL: string;
  /** Every chat-completions request received, in order. */
  requests: FakeRequest[];
  /** Stops the server (and any hanging reply). */
  close(): Promise<void>;
}

/** Decides the reply of the n-th request (0-based). */
export type FakeHandler = (req: FakeRequest, n: number) => FakeReply | Promise<FakeReply>;

const DEFAULT_USAGE: FakeUsage = { prompt_tokens: 1200, completion_tokens: 300 };

function completion(model: string, content: string | null, refusal: string | null, u: FakeUsage) {
  return {
    id: `chatcmpl-fake${crypto.randomUUID().slice(0, 8)}`,
    object: "chat.completion",
    created: 1_700_000_000,
    model,
    system_fingerprint: "fp_fake",
    choices: [{
      index: 0,
      message: { role: "assistant", content, refusal, annotations: [] },
      logprobs: null,
      finish_reason: "stop",
    }],
    usage: { ...u, total_tokens: u.prompt_tokens + u.completion_tokens },
  };
}

function chunk(model: string, delta: Record<string, unknown>, finish: string | null) {
  return {
    id: "chatcmpl-fakestream",
    object: "chat.completion.chunk",
    created: 1_700_000_000,
    model,
    system_fingerprint: "fp_fake",
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
  };
}

function sse(model: string, content: string, u: FakeUsage, includeUsage: boolean): string {
  const events: unknown[] = [chunk(model, { role: "assistant", content: "", refusal: null }, null)];
  for (let i = 0; i < content.length; i += 12) {
    events.push(chunk(model, { content: content.slice(i, i + 12) }, null));
  }
  events.push(chunk(model, {}, "stop"));
  if (includeUsage) {
    events.push({
      ...chunk(model, {}, null),
      choices: [],
      usage: { ...u, total_tokens: u.prompt_tokens + u.completion_tokens },
    });
  }
  return events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join("") + "data: [DONE]\n\n";
}

/**
 * Starts the fake on 127.0.0.1.
 *
 * @example
 * ```ts
 * const fake = startFakeOpenAI(() => ({ json: { answer: 42 } }));
 * // new OpenAI({ baseURL: fake.baseURL, apiKey: "test" })
 * await fake.close();
 * ```
 */
export function startFakeOpenAI(handler: FakeHandler): FakeOpenAI {
  const requests: FakeRequest[] = [];
  const hangs = new Set<() => void>();
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const url = new URL(req.url);
    if (req.method !== "POST" || url.pathname !== "/v1/chat/completions") {
      return Response.json({ error: { message: "not found", type: "invalid_request_error" } }, {
        status: 404,
      });
    }
    const body = await req.json() as FakeRequest["body"];
    const rec = { body, authorization: req.headers.get("authorization") };
    requests.push(rec);
    const reply = await handler(rec, requests.length - 1);
    if ("hangMs" in reply) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(id);
          hangs.delete(done);
          resolve();
        };
        const id = setTimeout(done, reply.hangMs);
        hangs.add(done);
      });
      return Response.json({ error: { message: "too late" } }, { status: 504 });
    }
    if ("status" in reply) {
      const headers: Record<string, string> = { "x-request-id": "req_fake" };
      if (reply.retryAfterMs !== undefined) headers["retry-after-ms"] = String(reply.retryAfterMs);
      return Response.json({
        error: {
          message: reply.message ?? `fake error ${reply.status}`,
          type: reply.status === 429 ? "requests" : "server_error",
          param: null,
          code: reply.status === 429 ? "rate_limit_exceeded" : null,
        },
      }, { status: reply.status, headers });
    }
    const usage = ("usage" in reply && reply.usage) || DEFAULT_USAGE;
    const content = "json" in reply
      ? JSON.stringify(reply.json)
      : "text" in reply
      ? reply.text
      : null;
    const refusal = "refusal" in reply ? reply.refusal : null;
    if (body.stream) {
      const includeUsage = Boolean(
        (body.stream_options as { include_usage?: boolean } | undefined)?.include_usage,
      );
      const text = refusal === null
        ? sse(body.model, content ?? "", usage, includeUsage)
        : `data: ${JSON.stringify(chunk(body.model, { refusal }, "stop"))}\n\ndata: [DONE]\n\n`;
      return new Response(text, { headers: { "content-type": "text/event-stream" } });
    }
    return Response.json(completion(body.model, content, refusal, usage));
  });
  const addr = server.addr as Deno.NetAddr;
  return {
    baseURL: `http://127.0.0.1:${addr.port}/v1`,
    requests,
    async close() {
      for (const done of [...hangs]) done();
      await server.shutdown();
    },
  };
}
