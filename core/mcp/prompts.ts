/**
 * MCP prompts: "analyse SYMBOL" and "compare strategies on SYMBOL", each a user message that
 * tells the assistant which tools to call and how to report, grounded in their outputs.
 *
 * @module
 */
import { z } from "zod";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { SymbolParamSchema } from "@trading/shared/schemas";

const user = (text: string) => ({
  messages: [{ role: "user" as const, content: { type: "text" as const, text } }],
});

/** The text of the "analyse" prompt. */
export function analysePrompt(symbol: string, language = "en"): string {
  return [
    `Analyse ${symbol} with the trading system's tools (answer in ${language}).`,
    `1. get_quote ${symbol}: the latest close and its date; say if the data is stale.`,
    `2. get_signals and find_patterns on ${symbol}: the composite score, recent signals, the ` +
    "chart patterns with their confidence, targets and invalidation, key support/resistance.",
    `3. analyze_symbol ${symbol}: the analyst's stance, levels and reasons with the facts they cite.`,
    "Report: stance and confidence, entry/target/stop, the evidence (cite the numbers the tools " +
    "returned, with dates), risks and what would invalidate the view. Do not invent numbers; " +
    "this is analysis of historical data, not financial advice.",
  ].join("\n");
}

/** The text of the "compare strategies" prompt. */
export function comparePrompt(symbol: string, strategies?: string, from?: string, to?: string) {
  const range = from || to ? ` from ${from ?? "the first bar"} to ${to ?? "the last bar"}` : "";
  return [
    `Compare trading strategies on ${symbol}${range}.`,
    strategies
      ? `Strategies: ${strategies}.`
      : "Call list_strategies and pick three or four with different styles (trend, mean reversion…).",
    `Run run_backtest for each on ${symbol} with the same range, cash and costs (fee_bps 5, ` +
    "slippage_bps 2).",
    "Tabulate total return, CAGR, Sharpe, max drawdown, trade count and win rate of each beside " +
    "the buy-and-hold benchmark. Name the best on a risk-adjusted basis and explain why; warn " +
    "about overfitting and few trades. For the best one, optionally start optimise_strategy and " +
    "poll get_job; report whether the optimum is robust or an isolated peak.",
  ].join("\n");
}

/** Registers the prompts on `server`. */
export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    "analyse",
    {
      title: "Analyse SYMBOL",
      description: "A grounded analysis of one symbol: quote, signals, patterns, the AI analyst",
      argsSchema: {
        symbol: SymbolParamSchema.describe("Ticker, e.g. AAPL"),
        language: z.enum(["en", "zh-TW", "zh-CN"]).optional(),
      },
    },
    ({ symbol, language }: { symbol: string; language?: string | undefined }) =>
      user(analysePrompt(symbol, language)),
  );
  server.registerPrompt("compare_strategies", {
    title: "Compare strategies on SYMBOL",
    description: "Backtests several strategies on one symbol and compares them with buy-and-hold",
    argsSchema: {
      symbol: SymbolParamSchema.describe("Ticker, e.g. AAPL"),
      strategies: z.string().max(200).optional().describe("Comma-separated strategy ids"),
      from: z.iso.date().optional(),
      to: z.iso.date().optional(),
    },
  }, (
    { symbol, strategies, from, to }: {
      symbol: string;
      strategies?: string | undefined;
      from?: string | undefined;
      to?: string | undefined;
    },
  ) => user(comparePrompt(symbol, strategies, from, to)));
}
