/**
 * What an alert watches and how often it may fire. Pure types shared by the alert store, the
 * evaluator and the routes (the wire shape is `shared/schemas/alerts.ts`).
 *
 * @module
 */

/** Direction of a price crossing. */
export type CrossDirection = "up" | "down" | "either";

/** The condition of an alert. */
export type AlertCondition =
  | { type: "price"; crosses: CrossDirection; level: number }
  | { type: "pct_move"; pct: number; bars: number; direction: CrossDirection }
  | { type: "rule"; rule: string }
  | { type: "pattern"; kind: string }
  | { type: "signal"; name: string };

/**
 * TradingView's trigger modes: `once` (then the alert stops), `once_per_bar` (at most once per
 * bar, as soon as the condition holds, live quotes included), `once_per_bar_close` (only on a
 * closed bar).
 */
export type TriggerMode = "once" | "once_per_bar" | "once_per_bar_close";

/** Lifecycle of an alert: only `active` ones are evaluated. */
export type AlertStatus = "active" | "paused" | "triggered" | "expired";

/** An alert as the evaluator needs it. */
export interface AlertDef {
  /** Alert id. */
  id: string;
  /** Owner. */
  userId: string;
  /** Display name. */
  name: string;
  /** The symbols it watches (one, or a watchlist; empty for a screen). */
  symbols: readonly string[];
  /** The saved screen whose current results it watches, if any. */
  screenId?: string | null;
  /** What must hold. */
  condition: AlertCondition;
  /** How often it may fire. */
  trigger: TriggerMode;
  /** Endpoint ids that receive its firings (in-app always does). */
  endpoints: readonly string[];
}

/** Where the evaluated price came from. */
export type FireSource = "bar" | "quote";
