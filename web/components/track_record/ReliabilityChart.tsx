import type { TrackCalibration } from "../../lib/api_types.ts";
import { usePage } from "../page_context.ts";
import { bucketLabel, rate } from "./track_format.ts";

const SIZE = 300, PAD = 48, IN = SIZE - PAD - 20;
const x = (v: number) => PAD + v * IN;
const y = (v: number) => SIZE - PAD - v * IN;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The reliability chart of one calibration: stated confidence (x) against the observed hit
 * rate (y) per bucket, with its Wilson interval, the bucket's baseline and the walk-forward
 * calibrated value; the diagonal is perfect calibration. Server-rendered SVG.
 */
export function ReliabilityChart({ c, title }: { c: TrackCalibration; title: string }) {
  const { t, lang } = usePage();
  const rows = c.buckets.filter((b) => b.n > 0 && b.stated !== null);
  const maxN = Math.max(1, ...rows.map((b) => b.n));
  return (
    <figure class="reliability">
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={title}>
        <title>{title}</title>
        {TICKS.map((v) => (
          <g key={v} class="axis">
            <line x1={x(0)} x2={x(1)} y1={y(v)} y2={y(v)} class="gridline" />
            <line x1={x(v)} x2={x(v)} y1={y(0)} y2={y(1)} class="gridline" />
            <text x={PAD - 6} y={y(v) + 4} text-anchor="end">{Math.round(v * 100)}%</text>
            <text x={x(v)} y={SIZE - PAD + 16} text-anchor="middle">{Math.round(v * 100)}%</text>
          </g>
        ))}
        <line x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} class="diagonal" />
        <text x={x(0.5)} y={SIZE - 6} text-anchor="middle" class="label">
          {t("track.chart.stated")}
        </text>
        <text
          x={11}
          y={y(0.5)}
          text-anchor="middle"
          class="label"
          transform={`rotate(-90 11 ${y(0.5)})`}
        >
          {t("track.chart.observed")}
        </text>
        {rows.map((b) => {
          const cx = x(b.stated!);
          return (
            <g key={b.lo}>
              <line
                x1={cx}
                x2={cx}
                y1={y(b.observed_low!)}
                y2={y(b.observed_high!)}
                class="whisker"
              />
              {b.baseline !== null
                ? (
                  <line
                    x1={cx - 9}
                    x2={cx + 9}
                    y1={y(b.baseline)}
                    y2={y(b.baseline)}
                    class="base-mark"
                  />
                )
                : null}
              {b.calibrated !== null
                ? (
                  <rect
                    x={cx - 4}
                    y={y(b.calibrated) - 4}
                    width={8}
                    height={8}
                    transform={`rotate(45 ${cx} ${y(b.calibrated)})`}
                    class="cal-mark"
                  />
                )
                : null}
              <circle cx={cx} cy={y(b.observed!)} r={3 + 5 * Math.sqrt(b.n / maxN)} class="obs">
                <title>
                  {`${bucketLabel(b)}: n=${b.n}, ${t("track.col.observed")} ${
                    rate(lang, b.observed)
                  }`}
                </title>
              </circle>
            </g>
          );
        })}
      </svg>
      <figcaption class="small muted legend">
        <span>
          <span class="key obs-key" aria-hidden="true">●</span> {t("track.chart.legendObserved")}
        </span>{" "}
        <span>
          <span class="key base-key" aria-hidden="true">▬</span> {t("track.chart.legendBaseline")}
        </span>{" "}
        <span>
          <span class="key cal-key" aria-hidden="true">◆</span> {t("track.chart.legendCalibrated")}
        </span>{" "}
        <span>
          <span class="key diag-key" aria-hidden="true">╱</span> {t("track.chart.legendDiagonal")}
        </span>
      </figcaption>
    </figure>
  );
}
