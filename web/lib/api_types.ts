/**
 * Wire types of core responses the web reads (type-only: web never imports core runtime code).
 * They are the zod-inferred types of `shared/schemas`, so a contract change in core breaks the
 * web's type check instead of the page. Shapes core has no shared schema for yet are written
 * here from the issue contracts and kept in step as the endpoints land.
 *
 * @module
 */
export type {
  AiAnalysis,
  BacktestResultBody,
  Candle,
  CandlesResponse,
  IndicatorsResponse,
  Interval,
  PatternsResponse,
  QuotaStatus,
  Quote,
  SymbolInfo,
  SymbolIntervals,
  SymbolsResponse,
  TrackCalibration,
  TrackEdge,
  TrackGroup,
  TrackRecordReport,
  TrackRecordSummary,
} from "@trading/shared/schemas";
import type { z } from "zod";
import type {
  AlertEventsSchema,
  AlertListSchema,
  AlertSchema,
  ApiTokenSchema,
  CompositeScoreSchema,
  CreatedEndpointSchema,
  DeliverySchema,
  EndpointSchema,
  FiringSchema,
  MeResponseSchema,
  MintedCodesSchema,
  NotificationListSchema,
  NotificationSchema,
  PaperAccountSchema,
  PaperOrderSchema,
  PatternMatchSchema,
  ProvidersResponseSchema,
  RedeemResponseSchema,
  RedemptionCodeSchema,
  RuleFunctionSchema,
  SavedScreenInputSchema,
  SavedScreenSchema,
  ScreenResultSchema,
  ScreenRowSchema,
  SignalSchema,
  SignalsResponseSchema,
  StrategyInfoSchema,
  UsageResponseSchema,
} from "@trading/shared/schemas";

/** `GET /api/symbols/:s/signals`. */
export type SignalsResponse = z.infer<typeof SignalsResponseSchema>;
/** One signal. */
export type SignalItem = z.infer<typeof SignalSchema>;
/** The composite score of the last bar of a range. */
export type SignalScore = z.infer<typeof CompositeScoreSchema>;
/** A detected chart pattern. */
export type ChartPattern = z.infer<typeof PatternMatchSchema>;
/** One strategy of `GET /api/strategies`. */
export type StrategyInfo = z.infer<typeof StrategyInfoSchema>;
/** `GET /api/me` (and sign-in / registration). */
export type MeResponse = z.infer<typeof MeResponseSchema>;
/** `GET /api/auth/providers`. */
export type ProvidersResponse = z.infer<typeof ProvidersResponseSchema>;
/** An API token as listed. */
export type ApiToken = z.infer<typeof ApiTokenSchema>;
/** A redemption code as an admin sees it. */
export type RedemptionCode = z.infer<typeof RedemptionCodeSchema>;
/** `POST /api/admin/redemption-codes`. */
export type MintedCodes = z.infer<typeof MintedCodesSchema>;
/** `GET /api/admin/usage`. */
export type UsageResponse = z.infer<typeof UsageResponseSchema>;
/** A paper account valued at its clock. */
export type PaperAccount = z.infer<typeof PaperAccountSchema>;
/** A paper order. */
export type PaperOrder = z.infer<typeof PaperOrderSchema>;
/** An alert (`GET /api/alerts/:id`). */
export type AlertItem = z.infer<typeof AlertSchema>;
/** `GET /api/alerts`: the alerts, how many are active and the plan's limit. */
export type AlertList = z.infer<typeof AlertListSchema>;
/** `GET /api/alerts/:id/events`. */
export type AlertEvents = z.infer<typeof AlertEventsSchema>;
/** One firing of an alert with its deliveries. */
export type AlertFiring = z.infer<typeof FiringSchema>;
/** One outgoing delivery of a firing, with its attempts. */
export type AlertDelivery = z.infer<typeof DeliverySchema>;
/** A notification endpoint (never its secret). */
export type NotifyEndpoint = z.infer<typeof EndpointSchema>;
/** `POST /api/notify/endpoints`: the endpoint with its signing secret, shown once. */
export type CreatedNotifyEndpoint = z.infer<typeof CreatedEndpointSchema>;
/** `POST /api/screens`: the symbols where the rule holds. */
export type ScreenResultBody = z.infer<typeof ScreenResultSchema>;
/** One row of a screen result. */
export type ScreenRowBody = z.infer<typeof ScreenRowSchema>;
/** A saved screen as the API sends it. */
export type SavedScreenBody = z.infer<typeof SavedScreenSchema>;
/** `GET /api/screens/saved`. */
export type SavedScreenList = { screens: SavedScreenBody[] };
/** What saving a screen sends (defaults filled in by the API). */
export type SavedScreenInput = z.input<typeof SavedScreenInputSchema>;
/** An in-app notification. */
export type NotificationItem = z.infer<typeof NotificationSchema>;
/** `GET /api/notifications`. */
export type NotificationList = z.infer<typeof NotificationListSchema>;
/** `POST /api/redemption/redeem`: credits added and the new quota. */
export type RedeemResponse = z.infer<typeof RedeemResponseSchema>;
/** One function, field, operator or analysis term of `GET /api/rules/functions`. */
export type RuleFunctionDoc = z.infer<typeof RuleFunctionSchema>;
