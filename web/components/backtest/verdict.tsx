/**
 * The honest headline of a backtest: the strategy's return against buy-and-hold of the same
 * symbol over the same bars, in percentage points, coloured by that difference (a +57 % run that
 * trails a +191 % buy-and-hold is shown as 134 points behind, in the losing colour).
 *
 * @module
 */
import { fmtPct, fmtPoints, trendClass } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import type { Metrics } from "./backtest_metrics.tsx";

/**
 * Percentage points by which `m`'s total return beats (> 0) or trails (< 0) buy-and-hold's;
 * `null` when either is unknown.
 *
 * @example
 * ```ts
 * import { pointsVsBuyAndHold } from "./verdict.tsx";
 *
 * pointsVsBuyAndHold({ total_return: 0.57 }, { total_return: 1.91 }); // ≈ -134
 * ```
 */
export function pointsVsBuyAndHold(
  m: Pick<Metrics, "total_return">,
  b: Pick<Metrics, "total_return">,
): number | null {
  if (m.total_return === null || b.total_return === null) return null;
  return (m.total_return - b.total_return) * 100;
}

/** The headline: "−134 pts vs buy-and-hold", then both returns. */
export function Verdict(
  { t, lang, m, b }: { t: T; lang: Lang; m: Metrics; b: Metrics },
) {
  const pts = pointsVsBuyAndHold(m, b);
  const cls = trendClass(pts === null ? null : Math.round(pts * 10));
  return (
    <p class={`verdict ${cls}`} data-testid="bt-verdict" data-points={pts ?? ""}>
      <strong>
        {pts === null ? t("bt.verdict.unknown") : t("bt.verdict.points", {
          pts: fmtPoints(lang, pts),
        })}
      </strong>
      <span class="muted">
        {t("bt.verdict.detail", {
          strategy: fmtPct(lang, (m.total_return ?? NaN) * 100),
          hold: fmtPct(lang, (b.total_return ?? NaN) * 100),
        })}
      </span>
    </p>
  );
}
