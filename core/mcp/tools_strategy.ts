/**
 * Tools that spend quota or compute: the grounded AI analysis, backtests, optimisation jobs,
 * plus the strategy catalogue. Each calls the declared route (so the `ai`, `backtest` and
 * `optimisation` rate limits, the AI quota and the job limits are the HTTP routes' own) and
 * summarises large results with the path of the full HTTP resource.
 *
 * @module
 */
import { z } from "zod";
import {
  AiAnalysisSchema,
  AiLanguageSchema,
  type BacktestResultBody,
  BacktestSettingsSchema,
  IsoDateSchema,
  MetricsSchema,
  type OptimisationJob,
  SymbolParamSchema,
  TradeSchema,
} from "@trading/shared/schemas";
import { type AnyTool, defineTool, lastN } from "./tool.ts";

/** Most trades a backtest summary lists (the most recent). */
export const MAX_TRADES = 10;
/** Most result rows an optimisation summary lists (best first). */
export const MAX_TOP_ROWS = 10;

const symbol = SymbolParamSchema.describe("Ticker, e.g. AAPL");
const enc = encodeURIComponent;
const ParamValue = z.union([z.number(), z.string(), z.boolean()]);

const listStrategies = defineTool({
  name: "list_strategies",
  title: "Strategy catalogue",
  description: "The strategies run_backtest and optimise_strategy accept: id, name, what it " +
    "does, default parameters and the default optimisation grid. Call it before backtesting.",
  scope: "read",
  effect: "read",
  input: z.object({}),
  output: z.object({
    strategies: z.array(z.object({
      id: z.string(),
      name: z.string(),
      description: z.string(),
      defaults: z.record(z.string(), z.unknown()),
      grid: z.record(z.string(), z.array(z.number())),
      optimisable: z.boolean(),
    })),
  }),
  run: (_args, { api }) => api.call({ method: "GET", path: "/api/strategies" }),
});

const analyzeSymbol = defineTool({
  name: "analyze_symbol",
  title: "Grounded AI analysis",
  description: "The AI analyst's view of a symbol, grounded in computed facts (price, " +
    "indicators, patterns, signals, backtest statistics): stance BUY/SELL/HOLD, confidence, " +
    "horizon, entry/target/stop, and reasons that cite the facts they rely on (fact_refs with " +
    "values and dates; unverified numbers are flagged), risks and the invalidation condition. " +
    "`source` says whether an LLM or the rule-based analyst answered. A fresh LLM answer spends " +
    "one analysis of the account's AI quota (cached answers and the rule-based analyst do not). " +
    "as_of analyses the past (bars after it are ignored).",
  scope: "ai",
  effect: "spend",
  input: z.object({
    symbol,
    language: AiLanguageSchema.default("en"),
    as_of: IsoDateSchema.optional().describe("Analyse as of this date (default: latest bar)"),
  }),
  output: AiAnalysisSchema,
  run: ({ symbol, language, as_of }, { api }) =>
    api.call({
      method: "POST",
      path: `/api/ai/analyze/${enc(symbol)}`,
      body: { language, ...(as_of ? { as_of } : {}) },
    }),
});

const runBacktest = defineTool({
  name: "run_backtest",
  title: "Backtest a strategy",
  description: "Backtests a strategy (see list_strategies) on a symbol's stored daily bars: " +
    "orders fill at the next bar's open, with commission and slippage. Returns the metrics " +
    "(total return, CAGR, Sharpe, max drawdown, win rate…), the buy-and-hold benchmark over the " +
    `same bars, the ${MAX_TRADES} most recent trades and the path of the full stored result ` +
    "(equity curve, every trade). Uses the backtest rate limit.",
  scope: "backtest",
  effect: "spend",
  input: BacktestSettingsSchema.extend({
    symbol,
    strategy: z.string().min(1).max(64).describe("Strategy id, e.g. sma_cross"),
    params: z.record(z.string(), ParamValue).default({})
      .describe("Strategy parameters; omitted ones take the strategy's defaults"),
  }),
  output: z.object({
    id: z.string(),
    symbols: z.array(z.string()),
    strategy: z.string(),
    params: z.record(z.string(), z.unknown()),
    from: z.string(),
    to: z.string(),
    metrics: MetricsSchema,
    benchmark: MetricsSchema,
    trade_count: z.number().int(),
    recent_trades: z.array(TradeSchema),
    full_result: z.string().describe("The HTTP resource with the equity curve and every trade"),
  }),
  run: async (args, { api }) => {
    const r = await api.call<BacktestResultBody>({
      method: "POST",
      path: "/api/backtests",
      body: args,
    });
    return {
      id: r.id,
      symbols: r.symbols,
      strategy: r.strategy,
      params: r.params,
      from: r.from,
      to: r.to,
      metrics: r.metrics,
      benchmark: r.benchmark,
      trade_count: r.trades.length,
      recent_trades: lastN(r.trades, MAX_TRADES),
      full_result: `GET /api/backtests/${r.id}`,
    };
  },
});

const JobSchema = z.object({
  id: z.string(),
  status: z.enum(["running", "done", "failed"]),
  done: z.number().int(),
  total: z.number().int(),
  progress: z.number(),
  error: z.string().nullable(),
  result: z.object({
    metric: z.string(),
    combinations: z.number().int(),
    skipped: z.number().int(),
    from: z.string(),
    to: z.string(),
    top: z.array(z.object({
      params: z.record(z.string(), z.unknown()),
      score: z.number().nullable(),
      metrics: MetricsSchema,
    })),
    benchmark: MetricsSchema,
    walk_forward_segments: z.number().int().nullable(),
  }).nullable(),
  full_result: z.string().describe("The HTTP resource with the whole job (heat-map included)"),
});

function jobSummary(j: OptimisationJob): z.input<typeof JobSchema> {
  const r = j.result;
  return {
    id: j.id,
    status: j.status,
    done: j.done,
    total: j.total,
    progress: j.progress,
    error: j.error,
    result: r
      ? {
        metric: r.metric,
        combinations: r.combinations,
        skipped: r.skipped,
        from: r.from,
        to: r.to,
        top: r.top.slice(0, MAX_TOP_ROWS),
        benchmark: r.benchmark,
        walk_forward_segments: r.walk_forward?.segments.length ?? null,
      }
      : null,
    full_result: `GET /api/optimisations/${j.id}`,
  };
}

const optimiseStrategy = defineTool({
  name: "optimise_strategy",
  title: "Optimise strategy parameters",
  description: "Starts a grid search of a strategy's parameters on a symbol (on worker threads) " +
    "and returns the job at once; poll it with get_job until status is done or failed. `grid` " +
    "maps parameter → values (default: the strategy's own grid, see list_strategies); `fixed` " +
    "holds other parameters constant; `metric` ranks the combinations. One running job per " +
    "account; at most 200,000 backtests per job.",
  scope: "backtest",
  effect: "spend",
  input: BacktestSettingsSchema.extend({
    symbol,
    strategy: z.string().min(1).max(64),
    grid: z.record(z.string(), z.array(z.number()).min(1).max(200)).optional(),
    fixed: z.record(z.string(), ParamValue).default({}),
    metric: z.enum(["sharpe", "sortino", "calmar", "total_return", "cagr"]).default("sharpe"),
    walk_forward: z.object({
      in_sample: z.number().int().min(20).max(5000).default(504).describe("bars"),
      out_of_sample: z.number().int().min(5).max(2000).default(126).describe("bars"),
    }).optional().describe("Also run a walk-forward test (re-optimise in-sample, test out)"),
  }),
  output: JobSchema,
  run: async (args, { api }) =>
    jobSummary(
      await api.call<OptimisationJob>({ method: "POST", path: "/api/optimisations", body: args }),
    ),
});

const getJob = defineTool({
  name: "get_job",
  title: "Poll an optimisation job",
  description: "Progress of an optimisation job started by optimise_strategy; once done, the " +
    `${MAX_TOP_ROWS} best parameter sets with their metrics and the buy-and-hold benchmark. ` +
    "Poll every few seconds while status is running.",
  scope: "read",
  effect: "read",
  input: z.object({ job_id: z.uuid().describe("The id optimise_strategy returned") }),
  output: JobSchema,
  run: async ({ job_id }, { api }) =>
    jobSummary(
      await api.call<OptimisationJob>({ method: "GET", path: `/api/optimisations/${job_id}` }),
    ),
});

/** Analysis, backtest and optimisation tools. */
export const STRATEGY_TOOLS: readonly AnyTool[] = [
  listStrategies,
  analyzeSymbol,
  runBacktest,
  optimiseStrategy,
  getJob,
];
