import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../../i18n/mod.ts";
import type { StrategyInfo } from "../../lib/api_types.ts";
import { type Settings, settingsBody, strategyOptions } from "./backtest_settings.tsx";

const strategy = (id: string, name: string, optimisable: boolean): StrategyInfo => ({
  id,
  name,
  description: "",
  params: { type: "object", properties: {} },
  defaults: {},
  grid: {},
  optimisable,
  paper_bot: optimisable,
});

Deno.test("strategyOptions() - disables and marks non-optimisable strategies only while optimising", () => {
  const t = translator("en");
  const list = [strategy("sma_cross", "SMA cross", true), strategy("pb", "Breakout", false)];
  assert.deepEqual(strategyOptions(t, list, false), [
    { value: "sma_cross", label: "SMA crossover" }, // the dictionary's name
    { value: "pb", label: "Breakout" }, // no entry: core's name
  ]);
  assert.deepEqual(strategyOptions(t, list, true), [
    { value: "sma_cross", label: "SMA crossover" },
    { value: "pb", label: "Breakout (backtest only)", disabled: true },
  ]);
  assert.equal(strategyOptions(translator("zh-TW"), list, true)[1]!.label, "Breakout（僅限回測）");
});

Deno.test("strategyOptions() - strategy names in the UI language, never the id", () => {
  const list = [strategy("sma_cross", "SMA cross", true), strategy("rsi_reversion", "RSI", true)];
  assert.deepEqual(strategyOptions(translator("zh-TW"), list, false).map((o) => o.label), [
    "簡單均線交叉（SMA）",
    "RSI 均值回歸",
  ]);
});

const base: Settings = {
  symbol: "SPX",
  strategy: "sma_cross",
  interval: "1d",
  from: "",
  to: "",
  cash: "100000",
  fee_bps: "5",
  slippage_bps: "2",
};

Deno.test("settingsBody() - sends the interval only when it is not daily", () => {
  assert.equal(settingsBody(base).interval, undefined);
  assert.equal(settingsBody({ ...base, interval: "1w" }).interval, "1w");
  assert.equal(settingsBody({ ...base, interval: "1mo" }).interval, "1mo");
});
