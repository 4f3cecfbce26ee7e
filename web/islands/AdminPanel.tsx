import { TableRegion } from "../components/TableRegion.tsx";
import { useState } from "preact/hooks";
import { fmtDate } from "../components/format.ts";
import { type Lang, type MessageKey, translator } from "../i18n/mod.ts";
import type { MintedCodes, RedemptionCode, UsageResponse } from "../lib/api_types.ts";
import { api, type FieldIssue, issueFor } from "../lib/api_error.ts";
import { Field, FieldRow } from "../components/form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../components/form/notice.tsx";

/** Props of the admin island. */
export interface AdminPanelProps {
  /** UI language. */
  lang: Lang;
  /** `GET /api/admin/redemption-codes`. */
  codes: RedemptionCode[];
  /** `GET /api/admin/usage`, when it answered. */
  usage: UsageResponse | null;
}

/** Admin: mint, list and revoke redemption codes; usage per user. */
export default function AdminPanel({ lang, codes: initial, usage }: AdminPanelProps) {
  const t = translator(lang);
  const [codes, setCodes] = useState(initial);
  const [form, setForm] = useState({
    amount: "10",
    max_uses: "1",
    count: "1",
    expires: "",
    note: "",
  });
  const [minted, setMinted] = useState<string[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  const mint = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    setIssues([]);
    const body: Record<string, unknown> = {
      amount: Number(form.amount),
      max_uses: Number(form.max_uses),
      count: Number(form.count),
    };
    if (form.expires) body.expires_at = `${form.expires}T23:59:59Z`;
    if (form.note.trim()) body.note = form.note.trim();
    const r = await api<MintedCodes>("POST", "/api/admin/redemption-codes", body);
    if (!r.ok) {
      setIssues(r.details);
      return setFailure({ status: r.status, message: r.message });
    }
    setMinted(r.data.codes.map((c) => c.code));
    setCodes((x) => [...r.data.codes.map(({ code: _code, ...c }) => c), ...x]);
  };
  const revoke = async (id: string) => {
    setFailure(null);
    const r = await api("DELETE", `/api/admin/redemption-codes/${encodeURIComponent(id)}`);
    if (!r.ok) return setFailure({ status: r.status, message: r.message });
    setCodes((x) =>
      x.map((c) => c.id === id ? { ...c, status: "revoked" as const, revoked_at: "now" } : c)
    );
  };

  return (
    <>
      <section class="card" aria-labelledby="mint-h">
        <h2 id="mint-h">{t("admin.mint")}</h2>
        <form onSubmit={mint} noValidate>
          <FieldRow>
            <Field
              id="mint-amount"
              type="number"
              label={t("admin.amount")}
              value={form.amount}
              onInput={set("amount")}
              error={issueFor(issues, "amount")}
              attrs={{ min: 1, max: 10000, step: 1 }}
            />
            <Field
              id="mint-uses"
              type="number"
              label={t("admin.maxUses")}
              value={form.max_uses}
              onInput={set("max_uses")}
              error={issueFor(issues, "max_uses")}
              attrs={{ min: 1, step: 1 }}
            />
            <Field
              id="mint-count"
              type="number"
              label={t("admin.count")}
              value={form.count}
              onInput={set("count")}
              error={issueFor(issues, "count")}
              attrs={{ min: 1, max: 500, step: 1 }}
            />
            <Field
              id="mint-expires"
              type="date"
              label={t("admin.expires")}
              value={form.expires}
              onInput={set("expires")}
              error={issueFor(issues, "expires_at")}
            />
            <Field
              id="mint-note"
              label={t("admin.note")}
              value={form.note}
              onInput={set("note")}
              error={issueFor(issues, "note")}
              attrs={{ maxlength: 200 }}
            />
          </FieldRow>
          <button type="submit" class="primary">{t("admin.mint.submit")}</button>
        </form>
        {minted.length
          ? (
            <div class="notice" role="status">
              {t("admin.minted")}
              <ul data-testid="minted">
                {minted.map((c) => (
                  <li key={c}>
                    <code>{c}</code>
                  </li>
                ))}
              </ul>
            </div>
          )
          : null}
        <ApiNotice t={t} failure={failure} />
      </section>
      <section class="card" aria-labelledby="codes-h">
        <h2 id="codes-h">{t("admin.codes")}</h2>
        {codes.length === 0
          ? <p class="muted">{t("admin.codes.none")}</p>
          : (
            <TableRegion labelledBy="codes-h">
              <table class="data" data-testid="codes">
                <thead>
                  <tr>
                    <th scope="col">{t("admin.col.hint")}</th>
                    <th scope="col" class="num">{t("admin.col.amount")}</th>
                    <th scope="col" class="num">{t("admin.col.uses")}</th>
                    <th scope="col">{t("admin.col.expires")}</th>
                    <th scope="col">{t("admin.col.status")}</th>
                    <th scope="col">{t("admin.col.note")}</th>
                    <th scope="col">
                      <span class="sr-only">{t("admin.revoke", { hint: "" })}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {codes.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <code>…{c.hint}</code>
                      </th>
                      <td class="num">{c.amount}</td>
                      <td class="num">{c.uses} / {c.max_uses}</td>
                      <td>{fmtDate(lang, c.expires_at)}</td>
                      <td>{t(`admin.status.${c.status}` as MessageKey)}</td>
                      <td>{c.note ?? ""}</td>
                      <td>
                        {c.status === "active"
                          ? (
                            <button
                              type="button"
                              class="link"
                              aria-label={t("admin.revoke", { hint: c.hint })}
                              onClick={() => revoke(c.id)}
                            >
                              ✕
                            </button>
                          )
                          : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
      </section>
      {usage ? <Usage t={t} lang={lang} usage={usage} /> : null}
    </>
  );
}

function Usage(
  { t, lang, usage }: { t: ReturnType<typeof translator>; lang: Lang; usage: UsageResponse },
) {
  return (
    <section class="card" aria-labelledby="usage-h">
      <h2 id="usage-h">{t("admin.usage")}</h2>
      <p>
        {t("admin.usage.totals", {
          users: usage.totals.users,
          analyses: usage.totals.analyses,
          today: usage.totals.analyses_today,
        })}
      </p>
      <TableRegion labelledBy="usage-h">
        <table class="data" data-testid="usage">
          <thead>
            <tr>
              <th scope="col">{t("admin.col.email")}</th>
              <th scope="col">{t("admin.col.plan")}</th>
              <th scope="col" class="num">{t("admin.col.credits")}</th>
              <th scope="col" class="num">{t("admin.col.analyses")}</th>
              <th scope="col" class="num">{t("admin.col.today")}</th>
              <th scope="col">{t("admin.col.last")}</th>
            </tr>
          </thead>
          <tbody>
            {usage.users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.email}</th>
                <td>
                  {t(u.plan === "premium" ? "acct.plan.premium" : "acct.plan.free")}
                  {u.role === "admin" ? ` · ${t("acct.role.admin")}` : ""}
                </td>
                <td class="num">{u.credits}</td>
                <td class="num">{u.analyses}</td>
                <td class="num">{u.analyses_today}</td>
                <td>{fmtDate(lang, u.last_analysis_at)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
    </section>
  );
}
