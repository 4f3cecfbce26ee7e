/**
 * An alert told in words for the list: its condition, its targets and a duration.
 *
 * @module
 */
import type { Lang, T } from "../../i18n/mod.ts";
import type { AlertItem } from "../../lib/api_types.ts";
import { candleLabel, patternLabel, signalLabel } from "../labels.ts";
import { fmtNum, fmtPrice } from "../format.ts";

/**
 * The condition of an alert in the user's language (a rule is shown as written).
 *
 * @example
 * ```ts
 * import "../../i18n/dictionaries.ts";
 * import { translator } from "../../i18n/mod.ts";
 * import { conditionText } from "./alert_text.ts";
 *
 * conditionText(translator("en"), "en", { type: "price", crosses: "up", level: 200 });
 * // "Crosses above 200.00"
 * ```
 */
export function conditionText(t: T, lang: Lang, c: AlertItem["condition"]): string {
  switch (c.type) {
    case "price":
      return t(`alerts.cond.price.${c.crosses}`, { level: fmtPrice(lang, c.level) });
    case "pct_move":
      return t(`alerts.cond.pct.${c.direction}`, {
        pct: fmtNum(lang, c.pct, c.pct % 1 ? 2 : 0),
        bars: c.bars,
      });
    case "pattern": {
      const label = patternLabel(t, c.kind);
      const name = label === c.kind.replace(/_/g, " ") ? candleLabel(t, c.kind) : label;
      return t("alerts.cond.pattern", { pattern: name });
    }
    case "signal":
      return t("alerts.cond.signal", { signal: signalLabel(t, c.name) });
    case "rule":
      return c.rule;
  }
}

/**
 * A name for an alert the user did not name, in their language ("AAPL: Crosses above 200.00"),
 * from the body about to be sent (core would name it in English).
 */
export function defaultName(
  t: T,
  lang: Lang,
  body: Record<string, unknown>,
  screens: readonly { id: string; name: string }[] = [],
): string {
  const b = body as {
    symbol?: string;
    watchlist?: string[];
    screen?: string;
    price?: { crosses: "up" | "down" | "either"; level: number };
    pct_move?: { pct: number; bars: number; direction: "up" | "down" | "either" };
    rule?: string;
    pattern?: { kind: string };
    signal?: { name: string };
  };
  const c: AlertItem["condition"] = b.price
    ? { type: "price", ...b.price }
    : b.pct_move
    ? { type: "pct_move", ...b.pct_move }
    : b.pattern
    ? { type: "pattern", kind: b.pattern.kind }
    : b.signal
    ? { type: "signal", name: b.signal.name }
    : { type: "rule", rule: b.rule ?? "" };
  const who = targetText(t, {
    target: b.screen ? "screen" : b.symbol ? "symbol" : "watchlist",
    symbols: b.symbol ? [b.symbol] : b.watchlist ?? [],
    screen_id: b.screen ?? null,
  }, screens);
  return `${who}: ${conditionText(t, lang, c)}`.slice(0, 100);
}

/** What an alert watches: its symbol, "N symbols" for a list, or its saved screen's name. */
export function targetText(
  t: T,
  a: Pick<AlertItem, "symbols" | "target" | "screen_id">,
  screens: readonly { id: string; name: string }[] = [],
): string {
  if (a.target === "screen") {
    const name = screens.find((s) => s.id === a.screen_id)?.name;
    return name ? t("alerts.onScreen", { name }) : t("alerts.onDeletedScreen");
  }
  return a.symbols.length === 1 ? a.symbols[0]! : t("alerts.nSymbols", { n: a.symbols.length });
}

/** A date-time in the user's language (the browser's time zone), "–" for none. */
export function fmtWhen(lang: Lang, iso: string | null | undefined): string {
  if (!iso) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
}
