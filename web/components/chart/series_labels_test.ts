import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../../i18n/mod.ts";
import { seriesLabel, seriesReading } from "./series_labels.ts";

Deno.test("seriesLabel() - human names instead of raw keys, in both languages", () => {
  const en = translator("en"), zh = translator("zh-TW");
  for (const key of ["sma_50", "sma_20", "ema_20", "rsi", "macd", "signal", "histogram"]) {
    assert.notEqual(seriesLabel(en, key), key, key);
  }
  assert.equal(seriesLabel(en, "sma_50"), "SMA 50");
  assert.equal(seriesLabel(en, "sma", "sma:50"), "SMA 50");
  assert.equal(seriesLabel(en, "ema"), "EMA 20");
  assert.equal(seriesLabel(en, "upper"), "Bollinger upper");
  assert.equal(seriesLabel(en, "histogram"), "MACD histogram");
  assert.match(seriesLabel(zh, "upper"), /布林/);
  assert.equal(seriesLabel(en, "obv_x"), "obv x");
});

Deno.test("seriesReading() - RSI 69 reads near overbought; MACD against its signal", () => {
  const t = translator("en");
  const r = (key: string, latest: Record<string, number | null>, close = 100) =>
    seriesReading(t, key, { close, latest });
  assert.equal(r("rsi", { rsi: 69 }), "near overbought");
  assert.equal(r("rsi", { rsi: 75 }), "overbought");
  assert.equal(r("rsi", { rsi: 25 }), "oversold");
  assert.equal(r("rsi", { rsi: 50 }), "neutral");
  assert.match(r("macd", { macd: 1, signal: 0.5 })!, /above its signal/);
  assert.match(r("sma_50", { sma_50: 90 })!, /above/);
  assert.match(r("upper", { upper: 99 })!, /upper band/);
  assert.equal(r("rsi", { rsi: null }), null);
});
