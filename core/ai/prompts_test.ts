import assert from "node:assert/strict";
import type { FactsPack } from "./facts.ts";
import {
  analystMessages,
  chatContextMessage,
  chatSystemPrompt,
  levelRetryMessages,
  PROMPT_VERSION,
} from "./prompts.ts";

/** Compares `actual` with core/ai/testdata/NAME.snap.txt (rewritten when UPDATE_SNAPSHOTS=1). */
async function snapshot(name: string, actual: string): Promise<void> {
  const url = new URL(`./testdata/${name}.snap.txt`, import.meta.url);
  if (Deno.env.get("UPDATE_SNAPSHOTS") === "1") await Deno.writeTextFile(url, actual);
  const expected = await Deno.readTextFile(url);
  assert.equal(
    actual,
    expected,
    `prompt ${name} changed: bump PROMPT_VERSION and update snapshots`,
  );
}

const pack: FactsPack = {
  symbol: "AAPL",
  data_date: "2018-05-11",
  last_price: 188.589996,
  bars: 1260,
  facts: [
    { id: "price.close", label: "Close", value: 188.59, date: "2018-05-11" },
    { id: "ind.rsi_14", label: "RSI(14)", value: 69.24, date: "2018-05-11" },
    { id: "ind.atr_14", label: "ATR(14)", value: 3.89, date: "2018-05-11" },
    { id: "score.value", label: "Composite score (-100..100)", value: 33.06, date: "2018-05-11" },
    {
      id: "signal.1",
      label: "SELL signal rsi_overbought_exit",
      value: "rsi_overbought_exit",
      date: "2018-05-11",
    },
  ],
  score: { value: 33.06, stance: "BUY", confidence: 0.55 },
  atr: 3.89,
  supports: [],
  resistances: [],
  patterns: [],
  backtest: null,
};

Deno.test("analystMessages() - snapshot of the system prompt and facts message (en)", async () => {
  assert.equal(PROMPT_VERSION, "analyst-v2");
  const [system, user] = analystMessages(pack, "en");
  assert.equal(system!.role, "system");
  assert.equal(user!.role, "user");
  await snapshot("analyst_system_en", system!.content);
  await snapshot("analyst_facts", user!.content);
});

Deno.test("analystMessages() - snapshots of the zh-TW and zh-CN system prompts", async () => {
  await snapshot("analyst_system_zh-TW", analystMessages(pack, "zh-TW")[0]!.content);
  await snapshot("analyst_system_zh-CN", analystMessages(pack, "zh-CN")[0]!.content);
});

Deno.test("chat prompts - snapshot of the system prompt and the context message", async () => {
  await snapshot("chat_system_en", chatSystemPrompt("en"));
  await snapshot(
    "chat_context",
    chatContextMessage(pack, "sma_cross 2013-05-13..2018-05-11: return 12.5%"),
  );
});

Deno.test("levelRetryMessages() - replays the answer and lists the problems", () => {
  const m = levelRetryMessages('{"stance":"BUY"}', ["target 400 is more than 50% away"]);
  assert.deepEqual(m.map((x) => x.role), ["assistant", "user"]);
  assert.match(m[1]!.content, /- target 400 is more than 50% away/);
});

Deno.test("analystMessages() - the system prompt depends on the language only", () => {
  const other = { ...pack, symbol: "IGNORE-ALL", facts: [] };
  assert.equal(analystMessages(pack, "en")[0]!.content, analystMessages(other, "en")[0]!.content);
});
