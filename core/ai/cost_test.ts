import assert from "node:assert/strict";
import {
  estimateCost,
  maxCallCost,
  maxPromptTokens,
  modelPrice,
  UNKNOWN_MODEL_PRICE,
} from "./cost.ts";

Deno.test("estimateCost() - per-million-token prices of the model", () => {
  assert.equal(
    estimateCost("gpt-4o-mini", { prompt_tokens: 1000, completion_tokens: 500 }),
    0.00045,
  );
  assert.equal(
    estimateCost("gpt-4o-mini-2024-07-18", { prompt_tokens: 1_000_000, completion_tokens: 0 }),
    0.15,
  );
});

Deno.test("modelPrice() - unknown models: dearest price on OpenAI, free when self-hosted", () => {
  assert.deepEqual(modelPrice("my-finetune"), UNKNOWN_MODEL_PRICE);
  assert.deepEqual(modelPrice("llama3.1:8b", { selfHosted: true }), { input: 0, output: 0 });
  assert.deepEqual(modelPrice("gpt-4o", { selfHosted: true }), { input: 2.5, output: 10 });
});

Deno.test("maxCallCost() - bounds input by UTF-8 bytes plus framing and output by the cap", () => {
  // "abc" = 3 bytes, "價格" = 6 bytes; 2 messages × 8 framing + 3 priming + 10 extra = 38
  assert.equal(maxPromptTokens(["abc", "價格"], 10), 3 + 6 + 16 + 3 + 10);
  const usd = maxCallCost("gpt-4o-mini", ["abc", "價格"], {
    maxOutputTokens: 1200,
    extraBytes: 10,
  });
  assert.equal(usd, estimateCost("gpt-4o-mini", { prompt_tokens: 38, completion_tokens: 1200 }));
  assert.ok(
    usd >= estimateCost("gpt-4o-mini", { prompt_tokens: 38, completion_tokens: 1200 }),
    "never below the cost it bounds",
  );
  assert.equal(maxCallCost("llama3.1:8b", ["x"], { maxOutputTokens: 99, selfHosted: true }), 0);
});
