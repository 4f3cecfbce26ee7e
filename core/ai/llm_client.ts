/**
 * The LLM client: `npm:openai` against OpenAI or any OpenAI-compatible server (Ollama, vLLM,
 * LM Studio) given by `baseURL`. Structured output with a zod schema, a deadline per call,
 * bounded retries on 429/5xx with the SDK's exponential backoff (honouring `retry-after`), and
 * no tool loops. Failures are {@link LlmError}s whose `kind` says what went wrong.
 *
 * @module
 */
import OpenAI, {
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RateLimitError,
} from "openai";
import { ContentFilterFinishReasonError, LengthFinishReasonError } from "openai/core/error";
import { zodResponseFormat } from "openai/helpers/zod";
import type { z } from "zod";

/** One chat message sent to the model. */
export interface LlmMessage {
  /** Who speaks. User-supplied text only ever goes in `user` messages. */
  role: "system" | "user" | "assistant";
  /** Text. */
  content: string;
}

/** Tokens used by a call. */
export interface LlmUsage {
  /** Input tokens. */
  prompt_tokens: number;
  /** Output tokens. */
  completion_tokens: number;
}

/** What went wrong with an LLM call, grouped by how the caller reacts. */
export type LlmErrorKind =
  | "timeout"
  | "rate_limited"
  | "upstream"
  | "invalid_output"
  | "invalid_levels"
  | "overconfident"
  | "refused";

/** A failed LLM call (after the bounded retries). */
export class LlmError extends Error {
  /** Failure class. */
  readonly kind: LlmErrorKind;
  /** Tokens the failed call still used, when the server said. */
  readonly usage: LlmUsage | null;
  /**
   * The underlying error's own text, for logs only: it may name internal hosts or URLs, so it
   * never goes into `message` (which users see as part of `fallback_reason`).
   */
  readonly detail: string | null;
  /**
   * @param kind failure class
   * @param message what happened, safe to show to users
   * @param usage tokens used anyway
   * @param detail the underlying error's text, for logs only
   */
  constructor(
    kind: LlmErrorKind,
    message: string,
    usage: LlmUsage | null = null,
    detail: string | null = null,
  ) {
    super(message);
    this.name = "LlmError";
    this.kind = kind;
    this.usage = usage;
    this.detail = detail;
  }
}

/** Options of {@link LlmClient} calls. */
export interface LlmCallOptions {
  /** Streams the raw text as it arrives (structured calls stream the JSON being written). */
  onToken?: (text: string) => void;
}

/** What the analyst needs from a language model. */
export interface LlmClient {
  /** Model name sent with each request. */
  readonly model: string;
  /** True when the server is not OpenAI's own API (costs are then not billed per token). */
  readonly selfHosted: boolean;
  /** One completion parsed by `schema` (structured output). */
  structured<T>(
    messages: readonly LlmMessage[],
    schema: z.ZodType<T>,
    name: string,
    options?: LlmCallOptions,
  ): Promise<{ value: T; usage: LlmUsage }>;
  /** One free-text completion. */
  complete(
    messages: readonly LlmMessage[],
    options?: LlmCallOptions,
  ): Promise<{ text: string; usage: LlmUsage }>;
}

/** Settings of {@link createLlmClient}. */
export interface LlmSettings {
  /** API key (any non-empty string for servers that ignore it, e.g. Ollama). */
  apiKey: string;
  /** Server base URL including `/v1`; default OpenAI's. */
  baseURL?: string | undefined;
  /** Model name. */
  model: string;
  /** Deadline of one call in ms, retries included. */
  timeoutMs: number;
  /** Retries on 408/409/429/5xx and connection errors (default 2). */
  maxRetries?: number;
  /** Output token cap per call (default 1200). */
  maxTokens?: number;
}

function usageOf(u: { prompt_tokens: number; completion_tokens: number } | null | undefined) {
  return u ? { prompt_tokens: u.prompt_tokens, completion_tokens: u.completion_tokens } : null;
}

/**
 * The {@link LlmError} of any failure of a call. Its `message` names the kind of failure only;
 * an unexpected error's own text (which may contain internal URLs) goes to `detail`.
 */
export function classifyLlmError(e: unknown, usage: LlmUsage | null = null): LlmError {
  if (e instanceof LlmError) return e;
  if (e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError) {
    return new LlmError("timeout", "the model did not answer in time", usage);
  }
  if (e instanceof RateLimitError) {
    return new LlmError("rate_limited", "the model server kept answering 429", usage);
  }
  if (e instanceof APIError) {
    return new LlmError("upstream", `the model server failed (${e.status ?? "no status"})`, usage);
  }
  if (e instanceof LengthFinishReasonError) {
    return new LlmError("invalid_output", "the answer was cut at the token limit", usage);
  }
  if (e instanceof ContentFilterFinishReasonError) {
    return new LlmError("refused", "the answer was blocked by a content filter", usage);
  }
  const msg = e instanceof Error ? e.message : String(e);
  if (e instanceof SyntaxError || (e instanceof Error && e.name === "ZodError")) {
    return new LlmError("invalid_output", `the answer is not valid JSON of the schema`, usage);
  }
  if (e instanceof Error && (e.name === "AbortError" || e.name === "TimeoutError")) {
    return new LlmError("timeout", "the model did not answer in time", usage);
  }
  return new LlmError("upstream", "the model call failed", usage, msg.slice(0, 500));
}

/**
 * Builds an {@link LlmClient} on `npm:openai`.
 *
 * @example
 * ```ts ignore
 * // not run by `deno test --doc`: it calls the OpenAI API
 * import { AnalystOutputSchema } from "@trading/shared/schemas";
 * import { createLlmClient, type LlmMessage } from "./llm_client.ts";
 *
 * const messages: LlmMessage[] = [{ role: "user", content: "FACTS PACK …" }]; // analystMessages()
 * const llm = createLlmClient({ apiKey: "sk-…", model: "gpt-4o-mini", timeoutMs: 30_000 });
 * const { value } = await llm.structured(messages, AnalystOutputSchema, "analysis");
 * ```
 */
export function createLlmClient(s: LlmSettings): LlmClient {
  const client = new OpenAI({
    apiKey: s.apiKey,
    baseURL: s.baseURL ?? "https://api.openai.com/v1",
    timeout: s.timeoutMs,
    maxRetries: s.maxRetries ?? 2,
  });
  const maxTokens = s.maxTokens ?? 1200;
  const selfHosted = s.baseURL !== undefined && !/^https:\/\/api\.openai\.com\//.test(s.baseURL);
  const base = { model: s.model, temperature: 0.2, max_tokens: maxTokens } as const;

  return {
    model: s.model,
    selfHosted,
    async structured<T>(
      messages: readonly LlmMessage[],
      schema: z.ZodType<T>,
      name: string,
      { onToken }: LlmCallOptions = {},
    ) {
      const signal = AbortSignal.timeout(s.timeoutMs);
      // deno-lint-ignore no-explicit-any
      const response_format = zodResponseFormat(schema as any, name);
      let usage: LlmUsage | null = null;
      try {
        let message: { parsed: unknown; refusal?: string | null; content?: string | null };
        if (onToken) {
          const stream = client.chat.completions.stream({
            ...base,
            messages: [...messages],
            response_format,
            stream_options: { include_usage: true },
          }, { signal });
          stream.on("content.delta", ({ delta }) => onToken(delta));
          const done = await stream.finalChatCompletion();
          usage = usageOf(done.usage);
          message = done.choices[0]!.message;
        } else {
          const done = await client.chat.completions.parse(
            { ...base, messages: [...messages], response_format },
            { signal },
          );
          usage = usageOf(done.usage);
          message = done.choices[0]!.message;
        }
        if (message.refusal) throw new LlmError("refused", "the model refused to answer", usage);
        // The SDK parsed with the schema already; parse again so the type is the schema's own.
        const checked = schema.safeParse(message.parsed);
        if (!checked.success) {
          throw new LlmError("invalid_output", "the answer does not match the schema", usage);
        }
        return { value: checked.data, usage: usage ?? { prompt_tokens: 0, completion_tokens: 0 } };
      } catch (e) {
        throw classifyLlmError(e, usage);
      }
    },
    async complete(messages: readonly LlmMessage[], { onToken }: LlmCallOptions = {}) {
      const signal = AbortSignal.timeout(s.timeoutMs);
      let usage: LlmUsage | null = null;
      try {
        const stream = client.chat.completions.stream({
          ...base,
          messages: [...messages],
          stream_options: { include_usage: true },
        }, { signal });
        if (onToken) stream.on("content.delta", ({ delta }) => onToken(delta));
        const done = await stream.finalChatCompletion();
        usage = usageOf(done.usage);
        const text = done.choices[0]?.message.content ?? "";
        if (!text.trim()) throw new LlmError("invalid_output", "the model answered nothing", usage);
        return { text, usage: usage ?? { prompt_tokens: 0, completion_tokens: 0 } };
      } catch (e) {
        throw classifyLlmError(e, usage);
      }
    },
  };
}
