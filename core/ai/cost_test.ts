import assert from "node:assert/strict";
import { estimateCost, modelPrice, UNKNOWN_MODEL_PRICE } from "./cost.ts";

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
