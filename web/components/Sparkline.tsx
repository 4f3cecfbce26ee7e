/** Props of {@link Sparkline}. */
export interface SparklineProps {
  /** Closing prices, oldest first. */
  values: number[];
  /** Accessible label. */
  label: string;
  /** Width in px (default 120). */
  width?: number;
  /** Height in px (default 32). */
  height?: number;
}

/** Points of a polyline drawing `values` into a `width`×`height` box (2 px inset). */
export function sparkPoints(values: number[], width: number, height: number): string {
  if (values.length < 2) return "";
  let lo = Infinity, hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi - lo || 1;
  const step = (width - 4) / (values.length - 1);
  return values.map((v, i) =>
    `${(2 + i * step).toFixed(1)},${(2 + (height - 4) * (1 - (v - lo) / span)).toFixed(1)}`
  ).join(" ");
}

/** A small inline SVG line of recent closes, green when up over the window, red when down. */
export function Sparkline({ values, label, width = 120, height = 32 }: SparklineProps) {
  const first = values[0] ?? 0;
  const last = values[values.length - 1] ?? 0;
  const cls = last > first ? "spark up" : last < first ? "spark down" : "spark flat";
  return (
    <svg
      class={cls}
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={label}
    >
      <polyline points={sparkPoints(values, width, height)} fill="none" stroke-width="1.5" />
    </svg>
  );
}
