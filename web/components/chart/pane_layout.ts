/**
 * Heights of the symbol chart's panes: the price pane keeps a minimum height (more than half
 * of a phone's screen) and every indicator pane has its own minimum, so the chart grows as
 * panes are added instead of squeezing volume and RSI into thin strips. Pure.
 *
 * @module
 */

/** Smallest height of an indicator pane (RSI, MACD, stochastic), in CSS pixels. */
export const INDICATOR_PANE_PX = 130;
/** Height of the volume pane. */
export const VOLUME_PANE_PX = 90;

/** Pane heights and the chart's total height. */
export interface PaneLayout {
  /** Heights in pane order: price, volume, then each indicator pane. */
  heights: number[];
  /** Sum of the heights: the chart container's height. */
  total: number;
}

/**
 * The layout for `indicatorPanes` extra panes in a window `viewportHeight` pixels tall: the
 * price pane takes 60% of the window less the volume pane, at least 280 px and at most 520 px.
 *
 * @example
 * ```ts
 * import { paneLayout } from "./pane_layout.ts";
 *
 * paneLayout(2, 900); // { heights: [450, 90, 130, 130], total: 800 }
 * ```
 */
export function paneLayout(indicatorPanes: number, viewportHeight: number): PaneLayout {
  const price = Math.min(520, Math.max(280, Math.round(viewportHeight * 0.6) - VOLUME_PANE_PX));
  const heights = [price, VOLUME_PANE_PX, ...Array(indicatorPanes).fill(INDICATOR_PANE_PX)];
  return { heights, total: heights.reduce((a, b) => a + b, 0) };
}
