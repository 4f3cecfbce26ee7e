import assert from "node:assert/strict";
import { z } from "zod";
import { startFakeOpenAI } from "../../tests/helpers/fake_openai.ts";
import { classifyLlmError, createLlmClient, LlmError } from "./llm_client.ts";

const Answer = z.object({ stance: z.enum(["BUY", "SELL"]), level: z.number() });
const messages = [{ role: "system" as const, content: "sys" }, {
  role: "user" as const,
  content: "facts",
}];

function client(baseURL: string, timeoutMs = 5_000) {
  return createLlmClient({ apiKey: "test-key", baseURL, model: "gpt-4o-mini", timeoutMs });
}

Deno.test("LlmClient.structured() - parses a structured output and reports usage", async () => {
  const fake = startFakeOpenAI(() => ({
    json: { stance: "BUY", level: 101.5 },
    usage: { prompt_tokens: 900, completion_tokens: 40 },
  }));
  try {
    const r = await client(fake.baseURL).structured(messages, Answer, "answer");
    assert.deepEqual(r.value, { stance: "BUY", level: 101.5 });
    assert.deepEqual(r.usage, { prompt_tokens: 900, completion_tokens: 40 });
    const req = fake.requests[0]!;
    assert.equal(req.authorization, "Bearer test-key");
    assert.equal(req.body.model, "gpt-4o-mini");
    assert.equal(req.body.response_format?.type, "json_schema");
    assert.equal(req.body.response_format?.json_schema?.name, "answer");
    assert.deepEqual(req.body.messages, messages);
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.structured() - retries a 429 then succeeds (bounded, with retry-after)", async () => {
  const fake = startFakeOpenAI((_r, n) =>
    n < 2 ? { status: 429, retryAfterMs: 5 } : { json: { stance: "SELL", level: 9 } }
  );
  try {
    const r = await client(fake.baseURL).structured(messages, Answer, "answer");
    assert.equal(r.value.stance, "SELL");
    assert.equal(fake.requests.length, 3);
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.structured() - gives up after the retries with kind rate_limited", async () => {
  const fake = startFakeOpenAI(() => ({ status: 429, retryAfterMs: 1 }));
  try {
    await assert.rejects(
      client(fake.baseURL).structured(messages, Answer, "answer"),
      (e: unknown) => e instanceof LlmError && e.kind === "rate_limited",
    );
    assert.equal(fake.requests.length, 3, "1 try + 2 retries, no more");
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.structured() - a 500 is retried, then an upstream error", async () => {
  const fake = startFakeOpenAI(() => ({ status: 500, retryAfterMs: 1 }));
  try {
    await assert.rejects(
      client(fake.baseURL).structured(messages, Answer, "answer"),
      (e: unknown) => e instanceof LlmError && e.kind === "upstream",
    );
    assert.equal(fake.requests.length, 3);
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.structured() - malformed JSON and schema violations are invalid_output", async () => {
  for (
    const reply of [{ text: '{"stance": "BUY", "level": ' }, {
      json: { stance: "MAYBE", level: 1 },
    }, { text: "I think you should buy." }]
  ) {
    const fake = startFakeOpenAI(() => reply);
    try {
      await assert.rejects(
        client(fake.baseURL).structured(messages, Answer, "answer"),
        (e: unknown) => e instanceof LlmError && e.kind === "invalid_output",
        JSON.stringify(reply),
      );
      assert.equal(fake.requests.length, 1, "garbage is not retried by the client");
    } finally {
      await fake.close();
    }
  }
});

Deno.test("LlmClient.structured() - a refusal is kind refused", async () => {
  const fake = startFakeOpenAI(() => ({ refusal: "I cannot help with that." }));
  try {
    await assert.rejects(
      client(fake.baseURL).structured(messages, Answer, "answer"),
      (e: unknown) => e instanceof LlmError && e.kind === "refused",
    );
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.structured() - a server that hangs is a timeout within the deadline", async () => {
  const fake = startFakeOpenAI(() => ({ hangMs: 10_000 }));
  try {
    const t0 = performance.now();
    await assert.rejects(
      client(fake.baseURL, 300).structured(messages, Answer, "answer"),
      (e: unknown) => e instanceof LlmError && e.kind === "timeout",
    );
    assert.ok(performance.now() - t0 < 5_000, "the deadline covers the retries");
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.structured() - streams tokens then returns the parsed object", async () => {
  const fake = startFakeOpenAI(() => ({
    json: { stance: "BUY", level: 123.25 },
    usage: { prompt_tokens: 10, completion_tokens: 20 },
  }));
  try {
    const tokens: string[] = [];
    const r = await client(fake.baseURL).structured(messages, Answer, "answer", {
      onToken: (t) => tokens.push(t),
    });
    assert.ok(tokens.length > 1, "several deltas");
    assert.equal(tokens.join(""), JSON.stringify({ stance: "BUY", level: 123.25 }));
    assert.deepEqual(r.value, { stance: "BUY", level: 123.25 });
    assert.deepEqual(r.usage, { prompt_tokens: 10, completion_tokens: 20 });
    assert.equal(fake.requests[0]!.body.stream, true);
  } finally {
    await fake.close();
  }
});

Deno.test("LlmClient.complete() - free text, streamed, with usage", async () => {
  const fake = startFakeOpenAI(() => ({ text: "The RSI strategy lost because…" }));
  try {
    const r = await client(fake.baseURL).complete(messages);
    assert.equal(r.text, "The RSI strategy lost because…");
    assert.equal(r.usage.prompt_tokens, 1200);
  } finally {
    await fake.close();
  }
});

Deno.test("classifyLlmError() - an unexpected error's text (internal URLs) stays out of the user-visible message", () => {
  const raw = new TypeError(
    "error sending request for url (http://llm.internal.corp:11434/v1/chat/completions)",
  );
  const e = classifyLlmError(raw);
  assert.equal(e.kind, "upstream");
  assert.equal(e.message, "the model call failed");
  assert.doesNotMatch(e.message, /internal|http/);
  assert.match(e.detail ?? "", /llm\.internal\.corp/, "kept for the logs");
});
