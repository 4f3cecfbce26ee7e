import type { TrackEdge } from "../../lib/api_types.ts";
import { usePage } from "../page_context.ts";
import { points, rate, verdictClass, verdictKey } from "./track_format.ts";

/** One baseline comparison: the baseline, the difference with its interval, the verdict. */
export function TrackEdgeCell({ e, returns = false }: { e: TrackEdge; returns?: boolean }) {
  const { t, lang } = usePage();
  if (e.verdict === null) return <td class="muted">{t("track.na")}</td>;
  return (
    <td class="edge-cell">
      <span class="block">
        {returns ? t("track.meanReturn") : t("track.baseline")} {rate(lang, e.baseline)}
      </span>
      <span class="block small">
        {points(lang, e.difference)}{" "}
        <span class="muted">
          [{points(lang, e.difference_low)}, {points(lang, e.difference_high)}]
        </span>
      </span>
      <span class={`block small ${verdictClass(e.verdict)}`}>{t(verdictKey(e.verdict))}</span>
    </td>
  );
}
