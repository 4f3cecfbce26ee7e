import { useState } from "preact/hooks";
import { fmtDate, fmtNum } from "../components/format.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import type { ApiToken, MeResponse, QuotaStatus, RedeemResponse } from "../lib/api_types.ts";
import { api, type FieldIssue, issueFor } from "../lib/api_error.ts";
import { Field } from "../components/form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../components/form/notice.tsx";
import { PasswordForm } from "../components/account/password_form.tsx";
import { Tokens } from "../components/account/tokens.tsx";

/** Props of the account island. */
export interface AccountPanelProps {
  /** UI language. */
  lang: Lang;
  /** `GET /api/me`. */
  me: MeResponse;
  /** `GET /api/tokens`. */
  tokens: ApiToken[];
}

function Quota({ t, lang, q }: { t: T; lang: Lang; q: QuotaStatus }) {
  return (
    <dl class="facts" data-testid="quota">
      <div>
        <dt>{t("acct.quota.remaining")}</dt>
        <dd data-field="remaining">
          {q.unlimited ? t("acct.quota.unlimited") : fmtNum(lang, q.remaining, 0)}
        </dd>
      </div>
      <div>
        <dt>{t("acct.quota.credits")}</dt>
        <dd data-field="credits">{fmtNum(lang, q.credits, 0)}</dd>
      </div>
      <div>
        <dt>{t("acct.quota.free")}</dt>
        <dd>{fmtNum(lang, q.free_remaining, 0)}</dd>
      </div>
      <div>
        <dt>{t("acct.quota.daily")}</dt>
        <dd>
          {t("acct.quota.daily.value", { left: q.daily_remaining, limit: q.daily_limit })}
          <span class="muted small block">
            {t("acct.quota.resets", { time: fmtDate(lang, q.resets_at) })}
          </span>
        </dd>
      </div>
    </dl>
  );
}

type T = ReturnType<typeof translator>;

/**
 * The signed-in user's account: plan, AI quota and credits, redeem a code, change the password,
 * API tokens.
 */
export default function AccountPanel({ lang, me, tokens }: AccountPanelProps) {
  const t = translator(lang);
  const [quota, setQuota] = useState(me.quota);
  const [code, setCode] = useState("");
  const [added, setAdded] = useState<number | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  // a password change revokes every API token: the list restarts empty
  const [tokenList, setTokenList] = useState({ gen: 0, tokens });

  const redeem = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    setIssues([]);
    setAdded(null);
    const r = await api<RedeemResponse>(
      "POST",
      "/api/redemption/redeem",
      { code },
    );
    if (!r.ok) {
      setIssues(r.details);
      return setFailure({ status: r.status, message: r.message });
    }
    setQuota(r.data.quota);
    setAdded(r.data.credits_added);
    setCode("");
  };
  const signOut = async () => {
    await api("POST", "/api/auth/logout");
    location.assign("/account");
  };

  return (
    <>
      <section class="card" aria-labelledby="me-h">
        <h2 id="me-h">{t("acct.signedInAs", { email: me.user.email })}</h2>
        <p>
          {t("acct.plan")}:{" "}
          <strong>{t(me.user.plan === "premium" ? "acct.plan.premium" : "acct.plan.free")}</strong>
          {me.user.role === "admin"
            ? (
              <>
                {" "}· <a href="/admin">{t("acct.role.admin")}</a>
              </>
            )
            : null}
        </p>
        <h3>{t("acct.quota")}</h3>
        <Quota t={t} lang={lang} q={quota} />
        <p>
          <button type="button" onClick={signOut}>{t("acct.signout")}</button>
        </p>
      </section>
      <section class="card" aria-labelledby="redeem" id="redeem-section">
        <h2 id="redeem">{t("acct.redeem")}</h2>
        <form onSubmit={redeem} class="field-row" noValidate>
          <Field
            id="redeem-code"
            label={t("acct.redeem.code")}
            value={code}
            onInput={setCode}
            error={issueFor(issues, "code")}
            attrs={{ placeholder: "XXXX-XXXX-XXXX", autocomplete: "off", required: true }}
          />
          <button type="submit" class="primary align-end">{t("acct.redeem.submit")}</button>
        </form>
        {added !== null
          ? <p role="status" class="up">{t("acct.redeem.done", { n: added })}</p>
          : null}
        <ApiNotice t={t} failure={failure} />
      </section>
      <PasswordForm t={t} onChanged={() => setTokenList((x) => ({ gen: x.gen + 1, tokens: [] }))} />
      <Tokens
        key={tokenList.gen}
        t={t}
        lang={lang}
        initial={tokenList.tokens}
        admin={me.user.role === "admin"}
      />
    </>
  );
}
