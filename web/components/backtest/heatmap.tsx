/**
 * The robustness heat-map of an optimisation as an HTML table (readable by screen readers and
 * keyboard users, no canvas): each cell's score on the viridis palette from worst (dark violet)
 * to best (yellow) with black or white text, whichever passes AA on it (`heat_palette.ts`); the
 * best cell marked ◆ and the most robust (best neighbourhood average) marked ●.
 *
 * @module
 */
import { paramLabel } from "../param_labels.ts";
import { TableRegion } from "../TableRegion.tsx";
import { useState } from "preact/hooks";
import { fmtNum } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import { Check } from "../form/fields.tsx";
import { heatCell } from "./heat_palette.ts";
import type { HeatmapBody } from "@trading/shared/schemas";

/** The heat-map as core sends it. */
export type HeatmapData = HeatmapBody;

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
      <p class="muted small" id="hm-help">{t("opt.heatmap.help")}</p>
      <TableRegion label={t("opt.heatmap")}>
        <table class="data heatmap" data-testid="heatmap" aria-describedby="hm-help">
          <thead>
            <tr>
              <th scope="col">{paramLabel(t, map.y.param)} \ {paramLabel(t, map.x.param)}</th>
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
                      style={heatCell(v, lo, hi) ?? undefined}
                      title={`${paramLabel(t, map.x.param)}=${x}, ${
                        paramLabel(t, map.y.param)
                      }=${y}`}
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
      </TableRegion>
    </div>
  );
}
