/**
 * Chart palettes. A theme is plain data: every colour the renderers use, named by role.
 *
 * @module
 */

/** Every colour and font setting a chart uses. */
export interface Theme {
  /** Theme name. */
  name: "dark" | "light";
  /** Page background. */
  background: string;
  /** Pane background (slightly off the page). */
  paneBackground: string;
  /** Grid lines. */
  grid: string;
  /** Axis lines and tick marks. */
  axis: string;
  /** Tick labels and secondary text. */
  text: string;
  /** Titles and primary text. */
  title: string;
  /** Up candles and positive values. */
  up: string;
  /** Down candles and negative values. */
  down: string;
  /** Opacity of volume bars (coloured like their candle). */
  volumeOpacity: number;
  /** Overlay line colours, used in order. */
  lines: readonly string[];
  /** Bollinger band fill colour. */
  bandFill: string;
  /** Bollinger band fill opacity. */
  bandOpacity: number;
  /** Support levels. */
  support: string;
  /** Resistance levels. */
  resistance: string;
  /** Pattern outlines. */
  pattern: string;
  /** Measured-move targets. */
  target: string;
  /** Buy markers. */
  buy: string;
  /** Sell markers. */
  sell: string;
  /** Text on the last-price label. */
  labelText: string;
  /** Warning notes drawn on the chart. */
  warning: string;
  /** Heat-map colour scheme (a d3 scheme name known to Plot). */
  heatScheme: string;
  /** Font family list written in the SVG. */
  fontFamily: string;
}

const FONT_FAMILY = "DejaVu Sans, Noto Sans Hant, Noto Sans TC, sans-serif";

/** A dark trading-terminal palette. */
export const DARK: Theme = {
  name: "dark",
  background: "#131722",
  paneBackground: "#131722",
  grid: "#2a2e39",
  axis: "#434651",
  text: "#b2b5be",
  title: "#d1d4dc",
  up: "#26a69a",
  down: "#ef5350",
  volumeOpacity: 0.5,
  lines: ["#f7c948", "#42a5f5", "#ab47bc", "#ff7043", "#66bb6a", "#ec407a"],
  bandFill: "#42a5f5",
  bandOpacity: 0.12,
  support: "#26a69a",
  resistance: "#ef5350",
  pattern: "#ffb74d",
  target: "#4fc3f7",
  buy: "#00e676",
  sell: "#ff1744",
  labelText: "#ffffff",
  warning: "#ffb74d",
  heatScheme: "viridis",
  fontFamily: FONT_FAMILY,
};

/** A light palette for print and reports. */
export const LIGHT: Theme = {
  name: "light",
  background: "#ffffff",
  paneBackground: "#ffffff",
  grid: "#e0e3eb",
  axis: "#b2b5be",
  text: "#50535e",
  title: "#131722",
  up: "#089981",
  down: "#f23645",
  volumeOpacity: 0.4,
  lines: ["#e69f00", "#2962ff", "#9c27b0", "#ff6d00", "#2e7d32", "#c2185b"],
  bandFill: "#2962ff",
  bandOpacity: 0.08,
  support: "#089981",
  resistance: "#f23645",
  pattern: "#e65100",
  target: "#0277bd",
  buy: "#00a152",
  sell: "#d50000",
  labelText: "#ffffff",
  warning: "#b26a00",
  heatScheme: "viridis",
  fontFamily: FONT_FAMILY,
};

/** The theme called `name`. */
export function themeOf(name: "dark" | "light"): Theme {
  return name === "light" ? LIGHT : DARK;
}

/** The colour of a rise: green (US convention) or red (Taiwan's, 紅漲綠跌). */
export type UpColour = "red" | "green";

/**
 * `theme` with rises in `up` colour: red swaps the up/down and buy/sell colours (Taiwan's
 * convention), green keeps them.
 *
 * @example
 * ```ts
 * import { themeOf, withUpColour } from "./theme.ts";
 *
 * withUpColour(themeOf("light"), "red").up; // "#f23645"
 * ```
 */
export function withUpColour(theme: Theme, up: UpColour): Theme {
  if (up === "green") return theme;
  return { ...theme, up: theme.down, down: theme.up, buy: theme.sell, sell: theme.buy };
}

/**
 * The up colour of a chart: the one asked for, else red for Chinese labels or a Taiwan symbol
 * (`.TW`, `.TWO`), else green.
 */
export function upColourFor(
  spec: { up_colour?: UpColour | undefined; lang: string; symbol: string },
): UpColour {
  if (spec.up_colour) return spec.up_colour;
  return spec.lang === "zh-TW" || /\.TWO?$/i.test(spec.symbol) ? "red" : "green";
}
