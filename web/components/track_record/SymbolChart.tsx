import type { TrackGroup } from "../../lib/api_types.ts";
import { usePage } from "../page_context.ts";
import { rate } from "./track_format.ts";

const W = 420, LABEL = 86, RIGHT = 16, ROW = 30, TOP = 8, AXIS = 22;
const sx = (v: number) => LABEL + v * (W - LABEL - RIGHT);

/**
 * Hit rate (bar, with its Wilson interval) against the random-dates baseline (tick) per symbol,
 * for one kind of call. Server-rendered SVG.
 */
export function SymbolChart({ groups, title }: { groups: TrackGroup[]; title: string }) {
  const { t, lang } = usePage();
  const rows = groups.filter((g) => g.scored > 0 && g.hit_rate !== null);
  if (!rows.length) return <p class="muted">{t("track.noCalls")}</p>;
  const h = TOP + rows.length * ROW + AXIS;
  return (
    <figure class="symbol-chart">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={title}>
        <title>{title}</title>
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v} class="axis">
            <line x1={sx(v)} x2={sx(v)} y1={TOP} y2={h - AXIS} class="gridline" />
            <text x={sx(v)} y={h - 6} text-anchor="middle">{Math.round(v * 100)}%</text>
          </g>
        ))}
        {rows.map((g, i) => {
          const y = TOP + i * ROW;
          const base = g.vs_random_date.baseline;
          return (
            <g key={g.symbol}>
              <text x={LABEL - 8} y={y + ROW / 2 + 4} text-anchor="end" class="label">
                {g.symbol} <tspan class="muted-text">n={g.scored}</tspan>
              </text>
              <rect
                x={sx(0)}
                y={y + 7}
                width={sx(g.hit_rate!) - sx(0)}
                height={ROW - 14}
                class="bar"
              >
                <title>{`${g.symbol}: ${rate(lang, g.hit_rate)} (n=${g.scored})`}</title>
              </rect>
              <line
                x1={sx(g.hit_rate_low!)}
                x2={sx(g.hit_rate_high!)}
                y1={y + ROW / 2}
                y2={y + ROW / 2}
                class="whisker"
              />
              {base !== null
                ? (
                  <line x1={sx(base)} x2={sx(base)} y1={y + 3} y2={y + ROW - 3} class="base-mark">
                    <title>{`${t("track.col.randomDate")}: ${rate(lang, base)}`}</title>
                  </line>
                )
                : null}
            </g>
          );
        })}
      </svg>
      <figcaption class="small muted legend">
        <span>
          <span class="key bar-key" aria-hidden="true">■</span> {t("track.chart.legendHit")}
        </span>{" "}
        <span>
          <span class="key base-key" aria-hidden="true">┃</span> {t("track.chart.legendRandom")}
        </span>
      </figcaption>
    </figure>
  );
}
