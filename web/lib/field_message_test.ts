import "../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../i18n/mod.ts";
import { fieldMessage, looksInternal, serverDetail } from "./field_message.ts";

const en = translator("en"), zh = translator("zh-TW");

Deno.test("fieldMessage() - zod's messages as one short sentence in the UI language", () => {
  const short = "Too small: expected string to have >=10 characters";
  assert.equal(fieldMessage(en, short), "At least 10 characters.");
  assert.equal(fieldMessage(zh, short), "至少 10 個字元。");
  assert.equal(fieldMessage(en, "must be at least 10 characters"), "At least 10 characters.");
  assert.equal(fieldMessage(en, "Invalid email address"), "Enter a valid e-mail address.");
  assert.equal(fieldMessage(zh, "Too small: expected number to be >=2"), "最小為 2。");
  assert.equal(
    fieldMessage(en, "Invalid input: expected number, received string"),
    "Enter a number.",
  );
  assert.equal(fieldMessage(en, "Invalid input: expected number, received undefined"), "Required.");
});

Deno.test("fieldMessage() - other English sentences kept for English readers only; internals never", () => {
  assert.equal(fieldMessage(en, "fast must be below slow"), "Fast must be below slow.");
  assert.equal(fieldMessage(zh, "fast must be below slow"), zh("field.invalid"));
  assert.equal(fieldMessage(en, "params.fast: must be below slow"), en("field.invalid"));
});

Deno.test("serverDetail() - no raw validation text, no variables, commands or codes", () => {
  assert.equal(serverDetail(en, 422, "Invalid body: password: too short"), null);
  assert.equal(
    serverDetail(en, 404, "No data for XYZ: load a CSV with `deno task import FILE --symbol X`"),
    null,
  );
  assert.equal(
    serverDetail(en, 503, "The core service is not reachable right now."),
    "The core service is not reachable right now.",
  );
  assert.equal(serverDetail(zh, 503, "The core service is not reachable right now."), null);
  assert.ok(looksInternal("no_api_key: OPENAI_API_KEY is not set"));
  assert.ok(looksInternal("sma_cross"));
  assert.ok(!looksInternal("Sign in to use the analyst."));
  // the screenshot review saw this under "The track record is not available"
  assert.equal(serverDetail(en, 504, "core did not answer in time"), null);
  assert.equal(serverDetail(en, 503, "core is not reachable"), null);
});
