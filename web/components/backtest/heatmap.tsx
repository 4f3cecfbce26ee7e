/**
 * The robustness heat-map of an optimisation as an HTML table (readable by screen readers and
 * keyboard users, no canvas): each cell's score with a colour from worst to best, the best cell
 * marked ◆ and the most robust (best neighbourhood average) marked ●.
 *
 * @module
 */
import { useState } from "preact/hooks";
import { fmtNum } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import { Check } from "../form/fields.tsx";
import type { HeatmapBody } from "@trading/shared/schemas";

/** The heat-map as core sends it. */
export type HeatmapData = HeatmapBody;

/** Background colour of a score scaled into `[lo, hi]`: red (worst) → amber → green (best). */
export function heatColour(v: number | null, lo: number, hi: number): string {
  if (v === null) return "transparent";
  const f = hi > lo ? (v - lo) / (hi - lo) : 0.5;
  const hue = Math.round(Math.max(0, Math.min(1, f)) * 130);
  return `hsl(${hue} 70% 45% / 0.55)`;
}

/** The heat-map table. */
export function Heatmap({ t, lang, map }: { t: T; lang: Lang; map: HeatmapData }) {
  const [smooth, setSmooth] = useState(false);
  const grid = smooth ? map.smoothed : map.z;
  const all = grid.flat().filter((v): v is number => v !== null);
  const lo = Math.min(...all), hi = Math.max(...all);
  const is = (c: { x: number; y: number } | null, x: number, y: number) =>
    c !== null && c.x === x && c.y === y;
  return (
    <div>
      <Check
        id="hm-smooth"
        label={t("opt.heatmap.smoothed")}
        checked={smooth}
        onChange={setSmooth}
      />
      <div class="table-wrap">
        <table class="data heatmap" data-testid="heatmap">
          <caption class="muted small">{t("opt.heatmap.help")}</caption>
          <thead>
            <tr>
              <th scope="col">{map.y.param} \ {map.x.param}</th>
              {map.x.values.map((x) => <th key={x} scope="col" class="num">{fmtNum(lang, x)}</th>)}
            </tr>
          </thead>
          <tbody>
            {map.y.values.map((y, yi) => (
              <tr key={y}>
                <th scope="row" class="num">{fmtNum(lang, y)}</th>
                {map.x.values.map((x, xi) => {
                  const v = grid[yi]?.[xi] ?? null;
                  const best = is(map.best, x, y), robust = is(map.robust, x, y);
                  return (
                    <td
                      key={x}
                      class="num"
                      style={{ background: heatColour(v, lo, hi) }}
                      title={`${map.x.param}=${x}, ${map.y.param}=${y}`}
                    >
                      {fmtNum(lang, v, 2)}
                      {best ? <span aria-label={t("opt.best")}>◆</span> : null}
                      {robust ? <span aria-label={t("opt.robust")}>●</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
