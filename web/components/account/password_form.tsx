/**
 * Change the password (`POST /api/auth/password`). Core then revokes every session and API token
 * of the account and starts a new session for this browser; the form says so, and the caller
 * clears its token list.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";
import { api, type FieldIssue, issueFor } from "../../lib/api_error.ts";
import { Field } from "../form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../form/notice.tsx";

/** The field problems found before sending (empty when the form can be sent). */
export function passwordProblems(
  t: T,
  v: { next: string; confirm: string },
): FieldIssue[] {
  const out: FieldIssue[] = [];
  if (v.next.length < 10) out.push({ field: "new_password", message: t("acct.password.help") });
  if (v.confirm !== v.next) out.push({ field: "confirm", message: t("acct.pw.mismatch") });
  return out;
}

/** The change-password section; `onChanged` runs once core has revoked the API tokens. */
export function PasswordForm({ t, onChanged }: { t: T; onChanged: () => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setDone(false);
    setFailure(null);
    const local = passwordProblems(t, { next, confirm });
    setIssues(local);
    if (local.length) return;
    setBusy(true);
    const r = await api("POST", "/api/auth/password", {
      ...(current ? { current_password: current } : {}),
      new_password: next,
    });
    setBusy(false);
    if (!r.ok) {
      setIssues(r.details);
      // refused fields are said once, at the field
      return setFailure(
        r.status === 422 && r.details.length ? null : {
          status: r.status,
          message: r.message,
        },
      );
    }
    setCurrent("");
    setNext("");
    setConfirm("");
    setDone(true);
    onChanged();
  };

  return (
    <section class="card" aria-labelledby="pw-h">
      <h2 id="pw-h">{t("acct.pw")}</h2>
      <p class="muted small">{t("acct.pw.intro")}</p>
      <form onSubmit={submit} noValidate>
        <Field
          id="pw-current"
          type="password"
          label={t("acct.pw.current")}
          value={current}
          onInput={setCurrent}
          help={t("acct.pw.current.help")}
          error={issueFor(issues, "current_password")}
          attrs={{ autocomplete: "current-password" }}
        />
        <Field
          id="pw-new"
          type="password"
          label={t("acct.pw.new")}
          value={next}
          onInput={setNext}
          help={t("acct.password.help")}
          error={issueFor(issues, "new_password")}
          attrs={{ autocomplete: "new-password", required: true, minlength: 10 }}
        />
        <Field
          id="pw-confirm"
          type="password"
          label={t("acct.pw.confirm")}
          value={confirm}
          onInput={setConfirm}
          error={issueFor(issues, "confirm")}
          attrs={{ autocomplete: "new-password", required: true }}
        />
        <p>
          <button type="submit" class="primary" disabled={busy}>{t("acct.pw.submit")}</button>
        </p>
        <div aria-live="polite">
          {done
            ? <p class="notice" role="status" data-testid="pw-done">{t("acct.pw.done")}</p>
            : null}
          {failure?.status === 429
            ? <p class="notice" role="alert">{t("acct.pw.tooMany")}</p>
            : <ApiNotice t={t} failure={failure} />}
        </div>
      </form>
    </section>
  );
}
