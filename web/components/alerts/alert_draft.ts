/**
 * The alert form's state and its translation to `POST /api/alerts`: what the user typed is
 * checked here first (each problem a message key for its field, in the user's language), so a
 * request reaches core only when it can succeed on the form's account.
 *
 * @module
 */
import { isSymbol } from "@trading/shared/symbol";
import type { MessageKey } from "../../i18n/mod.ts";

/** What an alert watches for. */
export type AlertKind = "price" | "pct_move" | "rule" | "pattern" | "signal";
/** A direction of a crossing or a move. */
export type AlertDirection = "up" | "down" | "either";
/** TradingView's trigger modes. */
export type AlertTrigger = "once" | "once_per_bar" | "once_per_bar_close";

/** Most symbols one alert watches (core's `MAX_WATCHLIST_SYMBOLS`). */
export const MAX_ALERT_SYMBOLS = 50;

/** The alert form's fields, as text where the user types. */
export interface AlertDraft {
  name: string;
  /** One symbol, a list of symbols, or the symbols a saved screen matches. */
  target: "symbol" | "list" | "screen";
  symbol: string;
  /** Symbols separated by commas or spaces. */
  list: string;
  /** Saved screen id. */
  screen: string;
  kind: AlertKind;
  direction: AlertDirection;
  level: string;
  pct: string;
  bars: string;
  rule: string;
  pattern: string;
  signal: string;
  trigger: AlertTrigger;
  /** `datetime-local` value (the browser's time zone), empty for none. */
  expires: string;
  /** Seconds between two firings. */
  cooldown: number;
  /** Endpoint ids. */
  endpoints: string[];
}

/** A fresh form. */
export function emptyDraft(): AlertDraft {
  return {
    name: "",
    target: "symbol",
    symbol: "",
    list: "",
    screen: "",
    kind: "price",
    direction: "either",
    level: "",
    pct: "5",
    bars: "1",
    rule: "",
    pattern: "double_bottom",
    signal: "golden_cross_50_200",
    trigger: "once_per_bar_close",
    expires: "",
    cooldown: 0,
    endpoints: [],
  };
}

/** The symbols of a list text, upper-cased, without repeats. */
export function symbolsOf(text: string): string[] {
  return [...new Set(text.split(/[\s,;]+/).map((s) => s.trim().toUpperCase()).filter(Boolean))];
}

/**
 * A form prefilled from a link (`/alerts?symbol=AAPL&price=190.5`, `?rule=…&symbols=A,B`,
 * `?screen=<saved screen id>`, `?symbol=AAPL&pattern=double_bottom`): the symbol page, a chart
 * level and the screener link here this way.
 *
 * @example
 * ```ts
 * import { draftFromQuery } from "./alert_draft.ts";
 *
 * const d = draftFromQuery(new URLSearchParams("symbol=aapl&price=190.5"));
 * [d.symbol, d.kind, d.level]; // ["AAPL", "price", "190.5"]
 * ```
 */
export function draftFromQuery(q: URLSearchParams): AlertDraft {
  const d = emptyDraft();
  const symbol = (q.get("symbol") ?? "").trim().toUpperCase().slice(0, 20);
  const list = symbolsOf((q.get("symbols") ?? "").slice(0, 2000));
  const screen = q.get("screen") ?? "";
  if (/^[\w-]{1,64}$/.test(screen)) [d.target, d.screen] = ["screen", screen];
  else if (list.length) [d.target, d.list] = ["list", list.join(", ")];
  else d.symbol = symbol;
  const price = Number(q.get("price"));
  const rule = (q.get("rule") ?? "").trim().slice(0, 2000);
  const pattern = q.get("pattern") ?? "";
  const signal = q.get("signal") ?? "";
  if (rule) [d.kind, d.rule] = ["rule", rule];
  else if (/^[a-z_]{1,40}$/.test(pattern)) [d.kind, d.pattern] = ["pattern", pattern];
  else if (/^[a-z0-9_]{1,64}$/.test(signal)) [d.kind, d.signal] = ["signal", signal];
  if (Number.isFinite(price) && price > 0) {
    d.level = priceText(price);
    if (!rule && !pattern && !signal) d.kind = "price";
  }
  const name = (q.get("name") ?? "").trim().slice(0, 100);
  if (name) d.name = name;
  return d;
}

/** A price as the level field shows it: at most 4 decimals, no float noise (188.589996 → 188.59). */
export function priceText(price: number): string {
  return String(Number(price.toFixed(price >= 1 ? 2 : 4)));
}

/** A problem of one form field. */
export interface DraftIssue {
  /** The form field: `symbol`, `list`, `screen`, `level`, `pct`, `bars`, `rule`, `expires`. */
  field: string;
  key: MessageKey;
}

/** The result of {@link alertBody}. */
export type DraftResult =
  | { ok: true; body: Record<string, unknown> }
  | { ok: false; issues: DraftIssue[] };

/**
 * The request body of `POST /api/alerts` for a draft, or the fields to fix. `now` (ms) decides
 * whether the expiry is in the future.
 *
 * @example
 * ```ts
 * import { alertBody, emptyDraft } from "./alert_draft.ts";
 *
 * const r = alertBody({ ...emptyDraft(), symbol: "AAPL", level: "200", direction: "up" }, 0);
 * // { ok: true, body: { symbol: "AAPL", price: { crosses: "up", level: 200 }, … } }
 * ```
 */
export function alertBody(d: AlertDraft, now: number): DraftResult {
  const issues: DraftIssue[] = [];
  const body: Record<string, unknown> = { trigger: d.trigger, cooldown: d.cooldown };
  if (d.name.trim()) body.name = d.name.trim();
  if (d.target === "symbol") {
    const s = d.symbol.trim().toUpperCase();
    if (!isSymbol(s)) issues.push({ field: "symbol", key: "alerts.err.symbol" });
    body.symbol = s;
  } else if (d.target === "screen") {
    if (!d.screen) issues.push({ field: "screen", key: "alerts.err.screen" });
    body.screen = d.screen;
  } else {
    const list = symbolsOf(d.list);
    if (list.length === 0) issues.push({ field: "list", key: "alerts.err.listEmpty" });
    else if (list.length > MAX_ALERT_SYMBOLS) {
      issues.push({ field: "list", key: "alerts.err.listLong" });
    } else if (!list.every(isSymbol)) {
      issues.push({ field: "list", key: "alerts.err.symbol" });
    }
    body.watchlist = list;
  }
  const num = (v: string) => (v.trim() === "" ? NaN : Number(v));
  if (d.kind === "price") {
    const level = num(d.level);
    if (!(level > 0)) issues.push({ field: "level", key: "alerts.err.level" });
    body.price = { crosses: d.direction, level };
  } else if (d.kind === "pct_move") {
    const pct = num(d.pct);
    const bars = num(d.bars);
    if (!(pct > 0 && pct <= 1000)) issues.push({ field: "pct", key: "alerts.err.pct" });
    if (!(Number.isInteger(bars) && bars >= 1 && bars <= 250)) {
      issues.push({ field: "bars", key: "alerts.err.bars" });
    }
    body.pct_move = { pct, bars, direction: d.direction };
  } else if (d.kind === "rule") {
    if (!d.rule.trim()) issues.push({ field: "rule", key: "alerts.err.rule" });
    body.rule = d.rule.trim();
  } else if (d.kind === "pattern") body.pattern = { kind: d.pattern };
  else body.signal = { name: d.signal };
  if (d.expires) {
    const at = new Date(d.expires).getTime();
    if (!(at > now)) issues.push({ field: "expires", key: "alerts.err.expires" });
    else body.expires_at = new Date(at).toISOString();
  }
  body.endpoints = d.endpoints;
  return issues.length ? { ok: false, issues } : { ok: true, body };
}

/** The form field a core 422 detail names (`watchlist.3` → `list`, `price.level` → `level`). */
export function formFieldOf(apiField: string): string {
  const head = apiField.split(".")[0] ?? "";
  if (head === "watchlist") return "list";
  if (head === "price") return "level";
  if (head === "pct_move") return apiField.endsWith("bars") ? "bars" : "pct";
  if (head === "expires_at") return "expires";
  return head;
}
