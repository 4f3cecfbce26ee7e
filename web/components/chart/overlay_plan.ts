/**
 * What the symbol chart draws on its price pane, decided before drawing: which patterns
 * (by default only the most recent confirmed one, with its target), signal markers as small
 * shapes without text (their names go to the crosshair legend), and support/resistance levels,
 * each behind a toggle. Pure, so the choices are tested without a canvas.
 *
 * @module
 */

/** A pattern as the chart receives it. */
export interface PlanPattern {
  /** Pattern kind. */
  kind: string;
  /** bullish, bearish or neutral. */
  direction: string;
  /** Date of its last bar. */
  endDate: string;
  /** A close beyond the breakout level happened. */
  confirmed: boolean;
  /** Measured-move target. */
  target: number | null;
}

/** A signal as the chart receives it. */
export interface PlanSignal {
  /** Bar date. */
  date: string;
  /** Direction. */
  type: "buy" | "sell";
  /** Translated name, shown in the legend (not on the chart). */
  name: string;
}

/** Which overlays are shown. */
export interface OverlayToggles {
  /** Patterns: none, the most recent confirmed one, or every one sent. */
  patterns: "off" | "latest" | "all";
  /** Signal markers. */
  signals: boolean;
  /** Support/resistance levels. */
  levels: boolean;
}

/** The default: the latest confirmed pattern and the signals, no levels. */
export const DEFAULT_TOGGLES: OverlayToggles = { patterns: "latest", signals: true, levels: false };

/**
 * The patterns to draw: none, all, or the most recent confirmed one (the most recent one when
 * none is confirmed).
 *
 * @example
 * ```ts
 * import { pickPatterns } from "./overlay_plan.ts";
 *
 * const ps = [
 *   { kind: "double_top", direction: "bearish", endDate: "2018-03-01", confirmed: true, target: 150 },
 *   { kind: "bull_flag", direction: "bullish", endDate: "2018-04-01", confirmed: false, target: 190 },
 * ];
 * pickPatterns(ps, "latest").map((p) => p.kind); // ["double_top"]
 * ```
 */
export function pickPatterns<P extends PlanPattern>(
  patterns: readonly P[],
  mode: OverlayToggles["patterns"],
): P[] {
  if (mode === "off" || patterns.length === 0) return [];
  if (mode === "all") return [...patterns];
  const latest = (list: readonly P[]) =>
    list.reduce<P | null>((best, p) => !best || p.endDate > best.endDate ? p : best, null);
  const pick = latest(patterns.filter((p) => p.confirmed)) ?? latest(patterns);
  return pick ? [pick] : [];
}

/** A marker as lightweight-charts takes it (time as an ISO date). */
export interface PlanMarker {
  /** Bar date. */
  time: string;
  /** Above or below the bar. */
  position: "aboveBar" | "belowBar";
  /** Shape. */
  shape: "arrowUp" | "arrowDown";
  /** Colour. */
  color: string;
  /** Size multiplier (small). */
  size: number;
}

/**
 * One small arrow per signal day and direction, without text (several signals on one day share
 * a marker); sorted by date as lightweight-charts requires.
 *
 * @example
 * ```ts
 * import { signalMarkers } from "./overlay_plan.ts";
 *
 * const m = signalMarkers(
 *   [{ date: "2018-05-10", type: "buy", name: "Golden cross 20/50" }],
 *   { up: "#089981", down: "#f23645" },
 * );
 * m[0]; // { time: "2018-05-10", position: "belowBar", shape: "arrowUp", color: "#089981", size: 0.6 }
 * ```
 */
export function signalMarkers(
  signals: readonly PlanSignal[],
  col: { up: string; down: string },
): PlanMarker[] {
  const seen = new Set<string>();
  const out: PlanMarker[] = [];
  for (const s of signals) {
    const key = `${s.date}|${s.type}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const buy = s.type === "buy";
    out.push({
      time: s.date,
      position: buy ? "belowBar" : "aboveBar",
      shape: buy ? "arrowUp" : "arrowDown",
      color: buy ? col.up : col.down,
      size: 0.6,
    });
  }
  return out.sort((a, b) => a.time < b.time ? -1 : a.time > b.time ? 1 : 0);
}

/** The signals of each date, for the crosshair legend. */
export function signalsByDate(signals: readonly PlanSignal[]): Map<string, PlanSignal[]> {
  const m = new Map<string, PlanSignal[]>();
  for (const s of signals) {
    const list = m.get(s.date);
    if (list) list.push(s);
    else m.set(s.date, [s]);
  }
  return m;
}

/**
 * Toggles from a query string (`?overlays=patterns-all,signals,levels`), else the default.
 *
 * @example
 * ```ts
 * import { parseToggles, togglesQuery } from "./overlay_plan.ts";
 *
 * parseToggles("overlays=levels"); // { patterns: "off", signals: false, levels: true }
 * togglesQuery({ patterns: "latest", signals: true, levels: false }); // "patterns,signals"
 * ```
 */
export function parseToggles(search: string): OverlayToggles {
  const raw = new URLSearchParams(search).get("overlays");
  if (raw === null) return { ...DEFAULT_TOGGLES };
  const set = new Set(raw.split(",").map((x) => x.trim()));
  return {
    patterns: set.has("patterns-all") ? "all" : set.has("patterns") ? "latest" : "off",
    signals: set.has("signals"),
    levels: set.has("levels"),
  };
}

/** The `overlays` query value of `t` (inverse of {@link parseToggles}). */
export function togglesQuery(t: OverlayToggles): string {
  return [
    t.patterns === "all" ? "patterns-all" : t.patterns === "latest" ? "patterns" : "",
    t.signals ? "signals" : "",
    t.levels ? "levels" : "",
  ].filter(Boolean).join(",");
}
