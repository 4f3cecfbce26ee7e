import { z } from "zod";
import { AiAnalysisSchema } from "./ai.ts";
import { IntervalNameSchema } from "./interval.ts";
import { CandleMatchSchema, LevelSchema, PatternMatchSchema } from "./pattern.ts";
import { CompositeScoreSchema, SignalSchema } from "./signal.ts";

/** A value rounded to 4 decimals, null during warm-up. */
const num = z.number().nullable();

/** The latest value of every standard indicator at one bar. */
export const LatestIndicatorsSchema = z.object({
  date: z.string(),
  sma_5: num,
  sma_10: num,
  sma_20: num,
  sma_50: num,
  sma_200: num,
  ema_12: num,
  ema_26: num,
  rsi_14: num,
  macd: z.object({ macd: num, signal: num, histogram: num }),
  bollinger: z.object({ upper: num, middle: num, lower: num }),
  stochastic: z.object({ k: num, d: num }),
  williams_r: num,
  atr_14: num,
  adx: z.object({ adx: num, plus_di: num, minus_di: num }),
  obv: num,
  volume_ratio: num.describe("volume / its 20-bar average"),
  vwap_20: num,
}).meta({ id: "LatestIndicators" });

/** The patterns part of the `/analyze` answer. */
export const PatternsSummarySchema = z.object({
  chart: z.array(PatternMatchSchema).describe(
    "the latest 10 chart patterns ending within the period, newest first",
  ),
  chart_total: z.number().int().describe("chart patterns ending within the period"),
  candlestick: z.array(CandleMatchSchema).describe("of the period's last 20 bars, newest first"),
  levels: z.array(LevelSchema).describe("up to 6, strongest first"),
}).meta({ id: "PatternsSummary" });

/** Answer of `POST /analyze/{symbol}`. */
export const AnalyzeResponseSchema = z.object({
  symbol: z.string(),
  market: z.string(),
  period: z.string(),
  from: z.string().describe("first date of the period actually covered"),
  to: z.string().describe("the latest bar"),
  current_price: z.number().describe("last close"),
  price_change: num.describe("vs the previous close"),
  price_change_percent: num,
  volume: z.number().describe("of the last bar"),
  indicators: LatestIndicatorsSchema,
  patterns: PatternsSummarySchema.nullable().describe("null unless include_patterns"),
  signals: z.array(SignalSchema).describe("the latest 50 within the period, oldest first"),
  signals_total: z.number().int(),
  score: CompositeScoreSchema,
  data_points: z.number().int().describe("bars in the period"),
  last_updated: z.string(),
  interval: IntervalNameSchema,
  partial: z.literal(true).optional().describe("the last bar's week or month has not ended"),
  as_of: z.string().nullable().describe("date of the latest stored bar"),
  stale: z.boolean().describe("the latest completed session is missing"),
  ai_analysis: AiAnalysisSchema.nullable().describe("null unless include_ai"),
}).meta({ id: "AnalyzeResponse" });
