import { useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import type { PaperAccount, PaperOrder } from "../lib/api_types.ts";
import { api, type FieldIssue } from "../lib/api_error.ts";
import { type ApiFailure, ApiNotice } from "../components/form/notice.tsx";
import { RiskLimits } from "../components/paper/paper_risk.tsx";
import { Orders, Positions, Summary } from "../components/paper/paper_tables.tsx";
import {
  NewAccount,
  orderBody,
  Ticket,
  type TicketValues,
} from "../components/paper/paper_ticket.tsx";

/** Props of the paper-trading island. */
export interface PaperDeskProps {
  /** UI language. */
  lang: Lang;
  /** The account shown (null: none opened yet). */
  account: PaperAccount | null;
  /** Its orders, oldest first (as core lists them). */
  orders: PaperOrder[];
  /** Symbols for the ticket. */
  symbols: { symbol: string; name: string }[];
  /** Default replay start of a new account. */
  defaultStart: string;
  /** Symbol the ticket opens on (from `?symbol=` of the link that led here). */
  initialSymbol?: string | undefined;
}

const STEPS = [1, 5, 20];

/**
 * Paper trading: open an account, place market/limit/stop orders, cancel open ones, replay the
 * stored market forward (orders fill through the backtester's fill model) and watch positions,
 * P&L and the order history change.
 */
export default function PaperDesk(props: PaperDeskProps) {
  const { lang, symbols } = props;
  const t = translator(lang);
  const [account, setAccount] = useState(props.account);
  const [orders, setOrders] = useState(props.orders);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [note, setNote] = useState<string | null>(null);

  const call = async <R,>(method: string, path: string, body?: unknown) => {
    setBusy(true);
    setFailure(null);
    setIssues([]);
    setNote(null);
    const r = await api<R>(method, path, body);
    setBusy(false);
    if (!r.ok) {
      setIssues(r.details);
      setFailure({ status: r.status, message: r.message });
      return null;
    }
    return r.data;
  };
  const refresh = async (id: string) => {
    const [a, o] = await Promise.all([
      api<PaperAccount>("GET", `/api/paper/accounts/${id}`),
      api<{ orders: PaperOrder[] }>("GET", `/api/paper/accounts/${id}/orders`),
    ]);
    if (a.ok) setAccount(a.data);
    if (o.ok) setOrders(o.data.orders);
  };

  if (!account) {
    return (
      <section class="card" aria-labelledby="pa-new-h">
        <h2 id="pa-new-h">{t("paper.new")}</h2>
        <NewAccount
          t={t}
          defaultStart={props.defaultStart}
          busy={busy}
          issues={issues}
          onCreate={async (v) => {
            const a = await call<PaperAccount>("POST", "/api/paper/accounts", v);
            if (a) setAccount(a);
          }}
        />
        <ApiNotice t={t} failure={failure} />
      </section>
    );
  }
  const base = `/api/paper/accounts/${account.id}`;
  const place = async (v: TicketValues) => {
    const o = await call<PaperOrder>("POST", `${base}/orders`, orderBody(v, crypto.randomUUID()));
    if (!o) return;
    setNote(
      o.status === "rejected"
        ? t("paper.rejected", { reason: o.reason ?? "" })
        : t("paper.placed", {
          side: t(o.side === "buy" ? "paper.buy" : "paper.sell"),
          qty: o.qty,
          symbol: o.symbol,
        }),
    );
    await refresh(account.id);
  };
  const cancel = async (o: PaperOrder) => {
    if (await call("DELETE", `${base}/orders/${o.id}`)) await refresh(account.id);
  };
  const advance = async (bars: number) => {
    if (await call("POST", `${base}/advance`, { bars })) await refresh(account.id);
  };
  const open = orders.filter((o) => o.status === "open");
  const done = orders.filter((o) => o.status !== "open").reverse();

  return (
    <div class="paper" aria-busy={busy ? "true" : "false"}>
      <section class="card" aria-labelledby="pa-h">
        <h2 id="pa-h">{t("paper.account", { name: account.name })}</h2>
        <Summary t={t} lang={lang} a={account} />
        {account.risk.kill_switch
          ? <p class="notice" data-testid="kill-switch-on">{t("paper.killSwitch")}</p>
          : null}
        <div role="group" aria-label={t("paper.advance.label")} class="seg paper-advance">
          <span class="muted small">{t("paper.advance.label")}</span>
          {STEPS.map((n) => (
            <button
              type="button"
              key={n}
              disabled={busy}
              onClick={() => advance(n)}
            >
              {t("paper.advance")} {t(n === 1 ? "paper.advance.day" : "paper.advance.days", { n })}
            </button>
          ))}
        </div>
      </section>
      <section class="card" aria-labelledby="ticket-h">
        <h2 id="ticket-h">{t("paper.ticket")}</h2>
        <Ticket
          t={t}
          lang={lang}
          account={account}
          orders={orders}
          symbols={symbols}
          initialSymbol={props.initialSymbol}
          busy={busy}
          issues={issues}
          onPlace={place}
        />
        <div aria-live="polite">
          {note ? <p role="status">{note}</p> : null}
          <ApiNotice t={t} failure={failure} />
        </div>
      </section>
      <RiskLimits t={t} account={account} onSaved={setAccount} />
      <div class="grid2">
        <section class="card" aria-labelledby="pos-h">
          <h2 id="pos-h">{t("paper.positions")}</h2>
          <Positions t={t} lang={lang} a={account} />
        </section>
        <section class="card" aria-labelledby="open-h">
          <h2 id="open-h">{t("paper.open")}</h2>
          <Orders t={t} lang={lang} orders={open} open onCancel={cancel} />
        </section>
      </div>
      <section class="card" aria-labelledby="hist-h">
        <h2 id="hist-h">{t("paper.history")}</h2>
        <Orders t={t} lang={lang} orders={done} open={false} />
      </section>
    </div>
  );
}
