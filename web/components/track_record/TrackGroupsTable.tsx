import { TableRegion } from "../TableRegion.tsx";
import type { TrackGroup } from "../../lib/api_types.ts";
import { stanceLabel } from "../labels.ts";
import { usePage } from "../page_context.ts";
import { TrackEdgeCell } from "./TrackEdgeCell.tsx";
import { rate } from "./track_format.ts";

/** The analyst's name: the rules, or the LLM model and prompt version. */
export function analystLabel(
  t: ReturnType<typeof usePage>["t"],
  g: Pick<TrackGroup, "source" | "model" | "prompt_version">,
): string {
  return g.source === "rules"
    ? `${t("ai.source.rules")} (${g.prompt_version})`
    : `${g.model} (${g.prompt_version})`;
}

/**
 * Hit rates of groups of calls against the four baselines, one row per group: S/(S+T) of the
 * call's own levels, random dates, random side, buy-and-hold.
 */
export function TrackGroupsTable(
  { groups, caption, showSymbol = false }: {
    groups: TrackGroup[];
    caption: string;
    showSymbol?: boolean;
  },
) {
  const { t, lang } = usePage();
  return (
    <TableRegion label={caption}>
      <table class="data track">
        <caption class="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{showSymbol ? t("track.col.symbol") : t("track.col.analyst")}</th>
            <th scope="col">{t("track.col.calls")}</th>
            <th scope="col" class="num">{t("track.col.n")}</th>
            <th scope="col">{t("track.col.hitRate")}</th>
            <th scope="col">{t("track.col.analytic")}</th>
            <th scope="col">{t("track.col.randomDate")}</th>
            <th scope="col">{t("track.col.randomSide")}</th>
            <th scope="col">{t("track.col.buyHold")}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={`${g.source}${g.model}${g.prompt_version}${g.stance}${g.symbol}`}>
              <th scope="row">{showSymbol ? g.symbol : analystLabel(t, g)}</th>
              <td class="kind">
                {g.stance === "BUY+SELL" ? t("track.directional") : stanceLabel(t, g.stance)}
              </td>
              <td class="num">{g.scored}</td>
              <td>
                <strong>{rate(lang, g.hit_rate)}</strong>
                <span class="block small muted">
                  {rate(lang, g.hit_rate_low)}–{rate(lang, g.hit_rate_high)}
                </span>
              </td>
              <TrackEdgeCell e={g.vs_analytic} />
              <TrackEdgeCell e={g.vs_random_date} />
              <TrackEdgeCell e={g.vs_random_side} />
              <TrackEdgeCell e={g.vs_buy_hold} returns />
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
