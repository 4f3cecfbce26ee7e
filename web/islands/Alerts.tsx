import "../i18n/alerts_dictionaries.ts"; // this page's messages (not in every page's dictionary)
import { useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import { api } from "../lib/api_error.ts";
import type { AlertItem, AlertList as AlertListBody, NotifyEndpoint } from "../lib/api_types.ts";
import type { AlertDraft } from "../components/alerts/alert_draft.ts";
import { AlertForm } from "../components/alerts/AlertForm.tsx";
import { AlertList } from "../components/alerts/AlertList.tsx";
import { EndpointSettings } from "../components/alerts/EndpointSettings.tsx";

/** Props of the alerts page island. */
export interface AlertsProps {
  lang: Lang;
  /** The user's alerts as the page loaded them. */
  alerts: AlertListBody;
  endpoints: NotifyEndpoint[];
  /** The new-alert form as the link that opened the page filled it. */
  draft: AlertDraft;
  /** Every stored symbol. */
  symbols: string[];
  /** The user's saved screens. */
  screens: { id: string; name: string }[];
  patterns: { chart: string[]; candles: string[] };
  signals: string[];
  /** Last close of the prefilled symbol. */
  lastPrice?: number | null;
}

/**
 * The alerts page: the new-alert form, the user's alerts with their history, and where alerts
 * are sent (webhooks).
 */
export default function Alerts(p: AlertsProps) {
  const t = translator(p.lang);
  const [list, setList] = useState(p.alerts);
  const [endpoints, setEndpoints] = useState(p.endpoints);
  const refresh = async () => {
    const r = await api<AlertListBody>("GET", "/api/alerts");
    if (r.ok) setList(r.data);
  };
  const changed = (a: AlertItem | string) => {
    // show the change at once, then take core's counts
    setList((l) => ({
      ...l,
      alerts: typeof a === "string"
        ? l.alerts.filter((x) => x.id !== a)
        : l.alerts.map((x) => (x.id === a.id ? a : x)),
    }));
    void refresh();
  };
  const form = (
    <AlertForm
      key="form"
      t={t}
      lang={p.lang}
      initial={p.draft}
      endpoints={endpoints}
      symbols={p.symbols}
      patterns={p.patterns}
      signals={p.signals}
      lastPrice={p.lastPrice}
      limit={list}
      screens={p.screens}
      onCreated={(a) => {
        setList((l) => ({ ...l, alerts: [a, ...l.alerts] }));
        void refresh();
      }}
    />
  );
  const alerts = (
    <AlertList
      key="list"
      t={t}
      lang={p.lang}
      list={list}
      endpoints={endpoints}
      screens={p.screens}
      onChange={changed}
    />
  );
  // opened from a link (a symbol, a level, a rule): the form first; else the alerts first
  const linked = Boolean(p.draft.symbol || p.draft.list || p.draft.rule || p.draft.screen);
  return (
    <div class="alerts-page">
      {linked || p.alerts.alerts.length === 0 ? [form, alerts] : [alerts, form]}
      <EndpointSettings t={t} lang={p.lang} endpoints={endpoints} onChange={setEndpoints} />
    </div>
  );
}
