import assert from "node:assert/strict";
import { isSymbol } from "./symbol.ts";
import { SymbolParamSchema } from "./schemas/market.ts";
import { AiChatBodySchema } from "./schemas/ai.ts";

const VALID = ["AAPL", "SPX", "2330.TW", "0050.TW", "6488.TWO", "BRK.B", "BRK-B", "A", "Q1"];
const INVALID = [".", "..", "...", "A..", ".A", "A.", "A.B.C", "A.TWX", "-A", "A-", "^GSPC", "A/B"];

Deno.test("isSymbol() - letters/digits first, at most one dot and a known suffix", () => {
  for (const s of VALID) assert.equal(isSymbol(s), true, s);
  for (const s of INVALID) assert.equal(isSymbol(s), false, s);
  assert.equal(isSymbol("A".repeat(17)), false);
});

Deno.test("SymbolParamSchema and the chat body refuse dot-only symbols", () => {
  for (const s of VALID) assert.equal(SymbolParamSchema.parse(s.toLowerCase()), s);
  for (const s of INVALID) {
    assert.equal(SymbolParamSchema.safeParse(s).success, false, s);
    assert.equal(AiChatBodySchema.safeParse({ message: "hi", symbol: s }).success, false, s);
  }
});
