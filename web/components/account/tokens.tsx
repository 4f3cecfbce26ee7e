/**
 * API tokens of the signed-in user: create (the secret is shown once), list, revoke.
 *
 * @module
 */
import { TableRegion } from "../TableRegion.tsx";
import { useState } from "preact/hooks";
import { fmtDate } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import type { ApiToken } from "../../lib/api_types.ts";
import { API_SCOPES, type ApiScope } from "@trading/shared/scopes";
import { api, type FieldIssue, issueFor } from "../../lib/api_error.ts";
import { Check, Field } from "../form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../form/notice.tsx";
import { McpSnippet } from "./McpSnippet.tsx";

/** The tokens section. */
export function Tokens(
  { t, lang, initial, admin = false }: {
    t: T;
    lang: Lang;
    initial: ApiToken[];
    /** Whether the account is an admin (only then is the `admin` scope offered). */
    admin?: boolean;
  },
) {
  // the admin scope grants nothing without the admin role: it is not offered to other accounts
  const offered = API_SCOPES.filter((s) => admin || s !== "admin");
  const [tokens, setTokens] = useState(initial);
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiScope[]>(offered);
  const [secret, setSecret] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const create = async (e: Event) => {
    e.preventDefault();
    setFailure(null);
    setIssues([]);
    const r = await api<ApiToken & { token: string }>("POST", "/api/tokens", { name, scopes });
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
    // tokens minted by the revoked one are revoked with it: list again
    const listed = await api<{ tokens: ApiToken[] }>("GET", "/api/tokens");
    setTokens((x) => listed.ok ? listed.data.tokens : x.filter((k) => k.id !== id));
  };
  const toggle = (scope: ApiScope, on: boolean) =>
    setScopes((x) => offered.filter((s) => s === scope ? on : x.includes(s)));

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
        <fieldset
          class="scopes"
          aria-describedby={issueFor(issues, "scopes") ? "scopes-err" : undefined}
        >
          <legend>{t("acct.tokens.scopes")}</legend>
          {offered.map((s) => (
            <Check
              key={s}
              id={`scope-${s.replace(":", "-")}`}
              label={t(`acct.tokens.scope.${s}`)}
              checked={scopes.includes(s)}
              onChange={(on) => toggle(s, on)}
            />
          ))}
          {issueFor(issues, "scopes")
            ? <p id="scopes-err" class="field-error">{issueFor(issues, "scopes")}</p>
            : null}
        </fieldset>
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
      <McpSnippet t={t} token={secret} />
      {tokens.length === 0
        ? <p class="muted">{t("acct.tokens.none")}</p>
        : (
          <TableRegion labelledBy="tok-h">
            <table class="data" data-testid="tokens">
              <thead>
                <tr>
                  <th scope="col">{t("acct.tokens.col.name")}</th>
                  <th scope="col">{t("acct.tokens.col.prefix")}</th>
                  <th scope="col">{t("acct.tokens.col.scopes")}</th>
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
                    <td class="small">
                      {offered.every((s) => k.scopes.includes(s))
                        ? t("acct.tokens.scope.all")
                        : k.scopes.map((s) => t(`acct.tokens.scope.${s}`)).join(", ")}
                    </td>
                    <td>{fmtDate(lang, k.created_at)}</td>
                    <td>
                      {k.last_used_at ? fmtDate(lang, k.last_used_at) : t("acct.tokens.never")}
                    </td>
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
          </TableRegion>
        )}
    </section>
  );
}
