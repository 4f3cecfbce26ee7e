/**
 * Estimated cost of LLM calls from token counts. Pure.
 *
 * @module
 */

/** USD per million tokens (input, output) of models with a published price. */
export const MODEL_PRICES_PER_MTOK: Readonly<Record<string, { input: number; output: number }>> = {
  "gpt-4o-mini": { input: 0.15, output: 0.6 },
  "gpt-4o": { input: 2.5, output: 10 },
  "gpt-4.1": { input: 2, output: 8 },
  "gpt-4.1-mini": { input: 0.4, output: 1.6 },
  "gpt-4.1-nano": { input: 0.1, output: 0.4 },
  "gpt-5": { input: 1.25, output: 10 },
  "gpt-5-mini": { input: 0.25, output: 2 },
  "gpt-5-nano": { input: 0.05, output: 0.4 },
  "o4-mini": { input: 1.1, output: 4.4 },
};

/** Price assumed for an unknown model on OpenAI's own API (the dearest common one). */
export const UNKNOWN_MODEL_PRICE = { input: 2.5, output: 10 } as const;

/**
 * Price per million tokens of `model`. A dated snapshot (`gpt-4o-mini-2024-07-18`) uses its
 * family's price. Unknown models cost {@link UNKNOWN_MODEL_PRICE} on OpenAI's API (so the
 * daily budget still holds) and nothing on a self-hosted server (`selfHosted`).
 */
export function modelPrice(
  model: string,
  { selfHosted = false }: { selfHosted?: boolean } = {},
): { input: number; output: number } {
  const known = MODEL_PRICES_PER_MTOK[model] ??
    MODEL_PRICES_PER_MTOK[model.replace(/-\d{4}-\d{2}-\d{2}$/, "")];
  if (known) return known;
  return selfHosted ? { input: 0, output: 0 } : UNKNOWN_MODEL_PRICE;
}

/**
 * Estimated USD cost of a call.
 *
 * @example
 * ```ts
 * estimateCost("gpt-4o-mini", { prompt_tokens: 1000, completion_tokens: 500 }); // 0.00045
 * ```
 */
export function estimateCost(
  model: string,
  usage: { prompt_tokens: number; completion_tokens: number },
  options: { selfHosted?: boolean } = {},
): number {
  const p = modelPrice(model, options);
  const usd = (usage.prompt_tokens * p.input + usage.completion_tokens * p.output) / 1e6;
  return Math.round(usd * 1e8) / 1e8;
}

/** Tokens of framing counted per chat message on top of its text (role, separators). */
export const MESSAGE_OVERHEAD_TOKENS = 8;

/**
 * The most input tokens a prompt can be: OpenAI's tokenizers are byte-level BPE, so a text never
 * takes more tokens than its UTF-8 bytes; plus {@link MESSAGE_OVERHEAD_TOKENS} per message and
 * `extraBytes` (e.g. a structured-output schema sent with the request).
 *
 * @example
 * ```ts
 * maxPromptTokens(["You are…", "AAPL facts…"], 0); // ≥ the tokens the model will count
 * ```
 */
export function maxPromptTokens(texts: readonly string[], extraBytes = 0): number {
  const enc = new TextEncoder();
  let n = extraBytes + 3;
  for (const t of texts) n += enc.encode(t).length + MESSAGE_OVERHEAD_TOKENS;
  return n;
}

/**
 * The most one call can cost: every input token counted at its byte bound and the full output
 * cap. Reserved on the daily budget before the call, settled to the real cost after.
 *
 * @example
 * ```ts
 * maxCallCost("gpt-4o-mini", ["system…", "user…"], { maxOutputTokens: 1200 });
 * ```
 */
export function maxCallCost(
  model: string,
  texts: readonly string[],
  { maxOutputTokens, extraBytes = 0, selfHosted = false }: {
    maxOutputTokens: number;
    extraBytes?: number;
    selfHosted?: boolean;
  },
): number {
  const usage = {
    prompt_tokens: maxPromptTokens(texts, extraBytes),
    completion_tokens: maxOutputTokens,
  };
  const p = modelPrice(model, { selfHosted });
  // rounded up to 1e-8 USD, the precision of estimateCost
  return Math.ceil((usage.prompt_tokens * p.input + usage.completion_tokens * p.output) * 100) /
    1e8;
}
