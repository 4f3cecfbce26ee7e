import "../../i18n/dictionaries.ts";
import assert from "node:assert/strict";
import { translator } from "../../i18n/mod.ts";
import type { StrategyInfo } from "../../lib/api_types.ts";
import { strategyOptions } from "./backtest_settings.tsx";

const strategy = (id: string, name: string, optimisable: boolean): StrategyInfo => ({
  id,
  name,
  description: "",
  params: {},
  defaults: {},
  grid: {},
  optimisable,
  paper_bot: optimisable,
});

Deno.test("strategyOptions() - disables and marks non-optimisable strategies only while optimising", () => {
  const t = translator("en");
  const list = [strategy("sma_cross", "SMA cross", true), strategy("pb", "Breakout", false)];
  assert.deepEqual(strategyOptions(t, list, false), [
    { value: "sma_cross", label: "SMA cross" },
    { value: "pb", label: "Breakout" },
  ]);
  assert.deepEqual(strategyOptions(t, list, true), [
    { value: "sma_cross", label: "SMA cross" },
    { value: "pb", label: "Breakout (backtest only)", disabled: true },
  ]);
  assert.equal(strategyOptions(translator("zh-TW"), list, true)[1]!.label, "Breakout（僅限回測）");
});
