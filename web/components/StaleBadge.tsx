/**
 * The mark of data older than the market's last completed session: a "Stale" badge and the date
 * of the last stored bar ("Stale · as of May 11, 2018"), which may wrap after the badge on a
 * narrow screen.
 *
 * @module
 */
import type { Lang, T } from "../i18n/mod.ts";
import { fmtDate } from "./format.ts";

/** The badge and the as-of date of `date` (an ISO date). */
export function StaleBadge({ t, lang, date }: { t: T; lang: Lang; date: string | null }) {
  return (
    <span class="stale-mark" data-testid="stale-badge" title={t("stale.help")}>
      <span class="badge stale">{t("stale.badge")}</span>{" "}
      <span class="small muted">{t("stale.asOf", { date: fmtDate(lang, date) })}</span>
    </span>
  );
}
