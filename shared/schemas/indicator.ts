import { z } from "zod";
import { IsoDateSchema } from "./candle.ts";
import { IntervalNameSchema, IntervalSchema } from "./interval.ts";

/** Query of `GET /api/symbols/:symbol/indicators`. */
export const IndicatorsQuerySchema = z.object({
  names: z.string({
    error: (iss) =>
      iss.input === undefined
        ? "names is required: a comma-separated list such as rsi,macd,sma:50,bollinger:20:2"
        : "names must be a string",
  }).trim().min(1, "names must list at least one indicator, e.g. rsi,macd,sma:50")
    .max(2000, "names is too long (at most 2000 characters)")
    .meta({
      description: "Comma-separated indicators, parameters positional after `:` " +
        "(e.g. `rsi,macd,sma:50,bollinger:20:2`); at most 20",
      example: "rsi,macd,sma:50,bollinger:20:2",
    }),
  from: IsoDateSchema.optional().meta({ description: "First date of the range (inclusive)" }),
  to: IsoDateSchema.optional().meta({ description: "Last date of the range (inclusive)" }),
  interval: IntervalSchema,
}).refine((q) => !q.from || !q.to || q.from <= q.to, {
  message: "from must be on or before to",
  path: ["from"],
});

/** Parsed indicators query. */
export type IndicatorsQuery = z.infer<typeof IndicatorsQuerySchema>;

/** One computed indicator of a response: its canonical name, resolved parameters and keys. */
export const IndicatorMetaSchema = z.object({
  name: z.string().meta({ example: "macd" }),
  params: z.record(z.string(), z.number()).meta({ example: { fast: 12, slow: 26, signal: 9 } }),
  outputs: z.array(z.string()).meta({
    description: "Keys of `series` holding this indicator's outputs",
    example: ["macd", "signal", "histogram"],
  }),
}).meta({ id: "IndicatorMeta" });

/** One computed indicator of a response. */
export type IndicatorMeta = z.infer<typeof IndicatorMetaSchema>;

/** Response of `GET /api/symbols/:symbol/indicators`. */
export const IndicatorsResponseSchema = z.object({
  symbol: z.string(),
  from: z.string().meta({ description: "First date returned" }),
  to: z.string().meta({ description: "Last date returned" }),
  dates: z.array(z.string()),
  series: z.record(z.string(), z.array(z.number().nullable())).meta({
    description: "One array per output, aligned with `dates`; `null` during warm-up. Keys are " +
      "output names (`rsi`, `macd`, `signal`, `upper`…), suffixed with the parameters when they " +
      "are not the defaults (`sma_50`, `signal_5_35_5`).",
  }),
  indicators: z.array(IndicatorMetaSchema),
  interval: IntervalNameSchema,
  partial: z.boolean().meta({
    description: "true when the last date is a week or month that has not ended",
  }),
}).meta({ id: "IndicatorsResponse" });

/** Response of the indicators endpoint. */
export type IndicatorsResponse = z.infer<typeof IndicatorsResponseSchema>;

/** A parameter of an indicator as listed by `GET /api/indicators`. */
export const IndicatorParamInfoSchema = z.object({
  name: z.string(),
  default: z.number(),
  min: z.number(),
  max: z.number(),
  integer: z.boolean(),
});

/** Response of `GET /api/indicators`: every indicator accepted by name. */
export const IndicatorCatalogSchema = z.object({
  indicators: z.array(z.object({
    name: z.string(),
    aliases: z.array(z.string()),
    description: z.string(),
    params: z.array(IndicatorParamInfoSchema),
    outputs: z.array(z.string()),
  })),
}).meta({ id: "IndicatorCatalog" });

/** Response of `GET /api/indicators`. */
export type IndicatorCatalog = z.infer<typeof IndicatorCatalogSchema>;
