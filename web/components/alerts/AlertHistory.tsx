/**
 * An alert's firings (latest 50) with each delivery to a webhook: its status, attempts and the
 * last answer, every attempt on demand, and "Resend" for a delivery that gave up.
 *
 * @module
 */
import { useEffect, useState } from "preact/hooks";
import type { Lang, T } from "../../i18n/mod.ts";
import { api, errorKey } from "../../lib/api_error.ts";
import type { AlertDelivery, AlertEvents, AlertItem, NotifyEndpoint } from "../../lib/api_types.ts";
import { fmtDate, fmtNum } from "../format.ts";
import { fmtWhen } from "./alert_text.ts";
import { endpointLabel } from "./EndpointRow.tsx";

/** Props of {@link AlertHistory}. */
export interface AlertHistoryProps {
  t: T;
  lang: Lang;
  alert: AlertItem;
  endpoints: NotifyEndpoint[];
}

/** The numbers core recorded with a firing that the page names (others are left out). */
const VALUE_KEYS = [
  "price",
  "previous_price",
  "close",
  "previous_close",
  "from_close",
  "level",
  "change_pct",
  "breakout_level",
  "target",
  "confidence",
  "strength",
] as const;

function valuesText(t: T, lang: Lang, values: Record<string, unknown>): string {
  return VALUE_KEYS.flatMap((k) => {
    const v = values[k];
    if (typeof v !== "number") return [];
    const text = k === "change_pct"
      ? `${fmtNum(lang, v, 2)}%`
      : fmtNum(lang, v, k === "confidence" || k === "strength" ? 2 : Math.abs(v) >= 1 ? 2 : 4);
    return [`${t(`alerts.v.${k}`)} ${text}`];
  }).join(" · ");
}

/** One delivery: status, attempts, last answer, resend when dead. */
function Delivery(
  { t, lang, d, url, onResent }: {
    t: T;
    lang: Lang;
    d: AlertDelivery;
    url: string;
    onResent: () => void;
  },
) {
  const [msg, setMsg] = useState("");
  const resend = async () => {
    const r = await api("POST", `/api/notify/deliveries/${d.id}/resend`);
    setMsg(r.ok ? t("alerts.dl.resent") : t(errorKey(r.status)));
    if (r.ok) onResent();
  };
  const last = d.last_status !== null
    ? t("alerts.dl.http", { code: d.last_status })
    : d.last_error
    ? t("alerts.dl.noAnswer")
    : "";
  return (
    <li data-delivery={d.id} data-status={d.status}>
      <span class={`badge dl-${d.status}`}>{t(`alerts.dl.${d.status}`)}</span>{" "}
      <span class="url">{url}</span>
      <span class="muted small block">
        {t("alerts.dl.attempts", { n: d.attempts })}
        {last ? ` · ${last}` : ""}
        {d.status === "pending" && d.next_attempt_at
          ? ` · ${t("alerts.dl.next", { when: fmtWhen(lang, d.next_attempt_at) })}`
          : ""}
        {d.delivered_at ? ` · ${fmtWhen(lang, d.delivered_at)}` : ""}
      </span>
      {d.attempt_log.length
        ? (
          <details class="small">
            <summary>{t("alerts.dl.log")}</summary>
            <ol>
              {d.attempt_log.map((x) => (
                <li key={x.attempt}>
                  {fmtWhen(lang, x.at)} · {x.status_code !== null
                    ? t("alerts.dl.http", { code: x.status_code })
                    : t("alerts.dl.noAnswer")} · {fmtNum(lang, x.duration_ms, 0)} ms
                </li>
              ))}
            </ol>
          </details>
        )
        : null}
      {d.status === "dead"
        ? <button type="button" onClick={resend}>{t("alerts.dl.resend")}</button>
        : null}
      {msg ? <span class="small" role="status">{msg}</span> : null}
    </li>
  );
}

/** The history panel of one alert. */
export function AlertHistory({ t, lang, alert, endpoints }: AlertHistoryProps) {
  const [events, setEvents] = useState<AlertEvents | null>(null);
  const [failed, setFailed] = useState<number | null>(null);
  const load = async () => {
    const r = await api<AlertEvents>("GET", `/api/alerts/${alert.id}/events`);
    if (!r.ok) return setFailed(r.status);
    setEvents(r.data);
    setFailed(null);
  };
  useEffect(() => void load(), [alert.id, alert.fired_count]);
  const urlOf = (id: string) => {
    const e = endpoints.find((x) => x.id === id);
    return e ? endpointLabel(e) : t("alerts.dl.gone");
  };
  const titleId = `hist-${alert.id}`;
  if (failed !== null) return <p class="notice" role="alert">{t(errorKey(failed))}</p>;
  if (!events) return <p class="muted small" role="status">{t("alerts.hist.loading")}</p>;
  return (
    <section class="alert-history" aria-labelledby={titleId}>
      <h4 id={titleId}>{t("alerts.hist.title")}</h4>
      {events.firings.length === 0
        ? <p class="muted small">{t("alerts.hist.none")}</p>
        : (
          <ol class="plain firings">
            {events.firings.map((f) => (
              <li key={f.id} data-firing={f.id}>
                <p>
                  <strong>{f.symbol}</strong> · {fmtWhen(lang, f.fired_at)}
                  <span class="muted small">
                    {" · "}
                    {t("alerts.hist.bar", { date: fmtDate(lang, f.bar_date) })} ·{" "}
                    {t(f.source === "quote" ? "alerts.hist.quote" : "alerts.hist.close")}
                  </span>
                </p>
                {valuesText(t, lang, f.values)
                  ? <p class="muted small">{valuesText(t, lang, f.values)}</p>
                  : null}
                {f.deliveries.length
                  ? (
                    <ul class="plain deliveries">
                      {f.deliveries.map((d) => (
                        <Delivery
                          key={d.id}
                          t={t}
                          lang={lang}
                          d={d}
                          url={urlOf(d.endpoint_id)}
                          onResent={() => void load()}
                        />
                      ))}
                    </ul>
                  )
                  : <p class="muted small">{t("alerts.hist.inApp")}</p>}
              </li>
            ))}
          </ol>
        )}
    </section>
  );
}
