/**
 * Wire schemas of alerts, notification endpoints and in-app notifications (issue 16).
 *
 * @module
 */
import { z } from "zod";
import { SymbolParamSchema } from "./market.ts";
import { RuleSourceSchema } from "./screen.ts";
import { CANDLE_KIND_NAMES, CHART_PATTERN_KIND_NAMES } from "./pattern.ts";

/** Most symbols in one alert's watchlist. */
export const MAX_WATCHLIST_SYMBOLS = 50;
/** Most endpoints one alert delivers to. */
export const MAX_ALERT_ENDPOINTS = 10;

const Direction = z.enum(["up", "down", "either"]);
/** Trigger modes (TradingView's). */
export const TriggerModeSchema = z.enum(["once", "once_per_bar", "once_per_bar_close"]);
/** Alert lifecycle. */
export const AlertStatusSchema = z.enum(["active", "paused", "triggered", "expired"]);

const PriceSchema = z.object({
  crosses: Direction.describe("direction of the crossing"),
  level: z.number().positive().max(1e12).describe("price level"),
}).strict();
const PctMoveSchema = z.object({
  pct: z.number().positive().max(1000).describe("size of the move in percent"),
  bars: z.number().int().min(1).max(250).describe("over this many bars (close to close)"),
  direction: Direction.default("either"),
}).strict();
const PatternSchema = z.object({
  kind: z.enum([...CHART_PATTERN_KIND_NAMES, ...CANDLE_KIND_NAMES]).describe(
    "chart pattern (fires when confirmed) or candlestick pattern (fires on its last bar)",
  ),
}).strict();
const SignalSchema = z.object({
  name: z.string().regex(/^[a-z0-9_]{1,64}$/, "a signal name such as golden_cross_50_200"),
}).strict();

const CONDITION_KEYS = ["rule", "price", "pct_move", "pattern", "signal"] as const;
const TARGET_KEYS = ["symbol", "watchlist", "screen"] as const;

/** Body of `POST /api/alerts`: one target, one condition. */
export const CreateAlertBodySchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  symbol: SymbolParamSchema.optional().describe("one symbol"),
  watchlist: z.array(SymbolParamSchema).min(1).max(MAX_WATCHLIST_SYMBOLS).optional()
    .describe("or every symbol of a list"),
  screen: z.string().min(1).max(64).optional().describe(
    "or the symbols of one of the caller's saved screens: its current results at each evaluation",
  ),
  rule: RuleSourceSchema.optional().describe(
    "a condition of the rule language, evaluated at bar close",
  ),
  price: PriceSchema.optional().describe("or: price crosses a level"),
  pct_move: PctMoveSchema.optional().describe("or: a % move over N bars"),
  pattern: PatternSchema.optional().describe("or: a pattern"),
  signal: SignalSchema.optional().describe("or: a signal fires"),
  trigger: TriggerModeSchema.default("once_per_bar_close"),
  expires_at: z.iso.datetime({ offset: true }).optional(),
  cooldown: z.number().int().min(0).max(30 * 86_400).default(0).describe(
    "seconds between two firings",
  ),
  endpoints: z.array(z.string().min(1).max(64)).max(MAX_ALERT_ENDPOINTS).default([]).describe(
    "notification endpoint ids (in-app notifications are always sent)",
  ),
}).strict().superRefine((b, ctx) => {
  const targets = TARGET_KEYS.filter((k) => b[k] !== undefined);
  if (targets.length !== 1) {
    ctx.addIssue({
      code: "custom",
      path: ["symbol"],
      message: "give exactly one of symbol, watchlist or screen",
    });
  }
  const conds = CONDITION_KEYS.filter((k) => b[k] !== undefined);
  if (conds.length !== 1) {
    ctx.addIssue({
      code: "custom",
      path: ["rule"],
      message: "give exactly one condition: rule, price, pct_move, pattern or signal",
    });
  }
});
/** Parsed {@link CreateAlertBodySchema}. */
export type CreateAlertBody = z.infer<typeof CreateAlertBodySchema>;

/** Body of `PATCH /api/alerts/:id`. */
export const PatchAlertBodySchema = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  status: z.enum(["active", "paused"]).optional().describe("pause or resume"),
  trigger: TriggerModeSchema.optional(),
  expires_at: z.iso.datetime({ offset: true }).nullable().optional(),
  cooldown: z.number().int().min(0).max(30 * 86_400).optional(),
  endpoints: z.array(z.string().min(1).max(64)).max(MAX_ALERT_ENDPOINTS).optional(),
}).strict();

/** An alert's condition on the wire. */
export const AlertConditionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("price"), crosses: Direction, level: z.number() }),
  z.object({
    type: z.literal("pct_move"),
    pct: z.number(),
    bars: z.number(),
    direction: Direction,
  }),
  z.object({ type: z.literal("rule"), rule: z.string() }),
  z.object({ type: z.literal("pattern"), kind: z.string() }),
  z.object({ type: z.literal("signal"), name: z.string() }),
]);

/** An alert. */
export const AlertSchema = z.object({
  id: z.string(),
  name: z.string(),
  target: z.enum(["symbol", "watchlist", "screen"]),
  symbols: z.array(z.string()).describe("the watched symbols (empty for a screen)"),
  screen_id: z.string().nullable().describe("the saved screen of a screen alert"),
  condition: AlertConditionSchema,
  trigger: TriggerModeSchema,
  expires_at: z.string().nullable(),
  cooldown: z.number(),
  endpoints: z.array(z.string()),
  status: AlertStatusSchema,
  created_at: z.string(),
  updated_at: z.string(),
  last_fired_at: z.string().nullable(),
  fired_count: z.number(),
});
/** An alert on the wire. */
export type Alert = z.infer<typeof AlertSchema>;

/** Active alerts of the caller and the plan's limit. */
export const AlertListSchema = z.object({
  alerts: z.array(AlertSchema),
  active: z.number(),
  limit: z.number(),
});

/** One delivery attempt. */
export const DeliveryAttemptSchema = z.object({
  attempt: z.number(),
  at: z.string(),
  status_code: z.number().nullable(),
  error: z.string().nullable(),
  duration_ms: z.number(),
});

/** One outgoing delivery of a firing (its id is the `webhook-id`). */
export const DeliverySchema = z.object({
  id: z.string(),
  endpoint_id: z.string(),
  status: z.enum(["pending", "sending", "delivered", "dead"]),
  attempts: z.number(),
  next_attempt_at: z.string().nullable(),
  delivered_at: z.string().nullable(),
  last_status: z.number().nullable(),
  last_error: z.string().nullable(),
  attempt_log: z.array(DeliveryAttemptSchema),
});

/**
 * The values a firing saw: the bar's `close` and the condition's figures (a price alert's
 * `previous_close` and `level`; a move's `from_close`, `change_pct` and `bars`; a rule's `rule`;
 * a pattern's `pattern`, `direction` and `confidence`), or for a live price alert `price`,
 * `previous_price`, `level` and `quote` (the quote's source).
 */
export const FiringValuesSchema = z.record(
  z.string(),
  z.union([z.number(), z.string(), z.boolean(), z.null()]),
).meta({ id: "FiringValues" });

/** One firing of an alert with its deliveries. */
export const FiringSchema = z.object({
  id: z.string(),
  symbol: z.string(),
  bar_date: z.string(),
  source: z.enum(["bar", "quote"]),
  fired_at: z.string(),
  values: FiringValuesSchema,
  deliveries: z.array(DeliverySchema),
});

/** `GET /api/alerts/:id/events`. */
export const AlertEventsSchema = z.object({
  alert_id: z.string(),
  firings: z.array(FiringSchema),
});

/** Languages of e-mail notifications. */
export const MailLanguageSchema = z.enum(["en", "zh-TW"]);

/**
 * Body of `POST /api/notify/endpoints`: a webhook URL, or an e-mail address (confirmed by a
 * link mailed to it; `language` of its mails, default `en`).
 */
export const CreateEndpointBodySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("webhook"),
    url: z.string().min(1).max(2000),
  }).strict(),
  z.object({
    kind: z.literal("email"),
    address: z.email().max(254),
    language: MailLanguageSchema.default("en"),
  }).strict(),
]);

/** A notification endpoint (never its secret, except once at creation and rotation). */
export const EndpointSchema = z.object({
  id: z.string(),
  kind: z.enum(["webhook", "email"]),
  url: z.string().describe("the webhook URL, or mailto:<address>"),
  address: z.string().nullable().describe("the e-mail address of an e-mail endpoint"),
  language: MailLanguageSchema,
  status: z.enum(["active", "disabled", "unconfirmed"]).describe(
    "unconfirmed: an e-mail address whose confirmation link has not been opened (receives nothing)",
  ),
  disabled_reason: z.string().nullable(),
  created_at: z.string(),
  previous_secret_expires_at: z.string().nullable().describe(
    "after a rotation, until when the previous secret also signs",
  ),
});

/**
 * The created endpoint; a webhook's `whsec_` signing secret is shown in this answer only
 * (null for e-mail).
 */
export const CreatedEndpointSchema = EndpointSchema.extend({ secret: z.string().nullable() });

/** `POST /api/notify/endpoints/:id/rotate`: the new secret, shown in this answer only. */
export const RotatedEndpointSchema = EndpointSchema.extend({ secret: z.string() });

/** Body of `POST /api/notify/endpoints/confirm`: the token of the mailed link. */
export const ConfirmEndpointBodySchema = z.object({
  token: z.string().min(16).max(200).regex(/^[A-Za-z0-9_-]+$/, "the token of the link"),
}).strict();

/** An in-app notification. */
export const NotificationSchema = z.object({
  id: z.string(),
  title: z.string(),
  body: z.object({
    alert_id: z.string(),
    symbol: z.string(),
    bar_date: z.string(),
    source: z.enum(["bar", "quote"]),
    values: FiringValuesSchema,
  }).describe("the firing it reports"),
  alert_id: z.string().nullable(),
  created_at: z.string(),
  read: z.boolean(),
});

/** `GET /api/notifications`. */
export const NotificationListSchema = z.object({
  notifications: z.array(NotificationSchema),
  unread: z.number(),
});
