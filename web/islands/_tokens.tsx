/**
 * API tokens of the signed-in user: create (the secret is shown once), list, revoke.
 *
 * @module
 */
import { useState } from "preact/hooks";
import { fmtDate } from "../components/format.ts";
import type { Lang, T } from "../i18n/mod.ts";
import type { ApiToken } from "../routes/api_types.ts";
import { api, type FieldIssue, issueFor } from "./_api_error.ts";
import { Field } from "./_fields.tsx";
import { type ApiFailure, ApiNotice } from "./_notice.tsx";

/** The tokens section. */
export function Tokens({ t, lang, initial }: { t: T; lang: Lang; initial: ApiToken[] }) {
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const create = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    setIssues([]);
    const r = await api<ApiToken & { token: string }>("POST", "/api/tokens", { name });
    if (!r.ok) {
      setIssues(r.details);
      return setFailure({ status: r.status, message: r.message });
    }
    const { token, ...listed } = r.data;
    setSecret(token);
    setTokens((x) => [...x, listed]);
    setName("");
  };
  const revoke = async (id: string) => {
    setFailure(null);
    const r = await api("DELETE", `/api/tokens/${encodeURIComponent(id)}`);
    if (!r.ok) return setFailure({ status: r.status, message: r.message });
    setTokens((x) => x.filter((k) => k.id !== id));
  };

  return (
    <section class="card" aria-labelledby="tok-h">
      <h2 id="tok-h">{t("acct.tokens")}</h2>
      <p class="muted small">{t("acct.tokens.intro")}</p>
      <form onSubmit={create} class="field-row" noValidate>
        <Field
          id="token-name"
          label={t("acct.tokens.name")}
          value={name}
          onInput={setName}
          error={issueFor(issues, "name")}
          attrs={{ required: true, maxlength: 100 }}
        />
        <button type="submit" class="primary align-end">{t("acct.tokens.create")}</button>
      </form>
      {secret
        ? (
          <p class="notice" role="status">
            {t("acct.tokens.created")} <code data-testid="token-secret">{secret}</code>
          </p>
        )
        : null}
      <ApiNotice t={t} failure={failure} />
      {tokens.length === 0 ? <p class="muted">{t("acct.tokens.none")}</p> : (
        <div class="table-wrap">
          <table class="data" data-testid="tokens">
            <thead>
              <tr>
                <th scope="col">{t("acct.tokens.col.name")}</th>
                <th scope="col">{t("acct.tokens.col.prefix")}</th>
                <th scope="col">{t("acct.tokens.col.created")}</th>
                <th scope="col">{t("acct.tokens.col.used")}</th>
                <th scope="col">
                  <span class="sr-only">{t("acct.tokens.revoke", { name: "" })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((k) => (
                <tr key={k.id}>
                  <th scope="row">{k.name}</th>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>{fmtDate(lang, k.created_at)}</td>
                  <td>{k.last_used_at ? fmtDate(lang, k.last_used_at) : t("acct.tokens.never")}</td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      aria-label={t("acct.tokens.revoke", { name: k.name })}
                      onClick={() => revoke(k.id)}
                    >
                      ✕
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
