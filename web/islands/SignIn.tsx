import { useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import { sameOriginPath } from "../lib/local_path.ts";
import { api, type FieldIssue, issueFor } from "../lib/api_error.ts";
import { Field } from "../components/form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../components/form/notice.tsx";
import { Tabs } from "../components/tabs.tsx";

/** Props of the sign-in island. */
export interface SignInProps {
  /** UI language. */
  lang: Lang;
  /** Google sign-in start URL (from `GET /api/auth/providers`), or null when not configured. */
  googleUrl: string | null;
  /** Local path to go to once signed in. */
  next: string;
}

/**
 * Sign in or create an account with e-mail and password (`POST /api/auth/login` /
 * `/api/auth/register`; core sets the session cookie through web's forwarding), or with Google
 * when the server has it configured.
 */
export default function SignIn({ lang, googleUrl, next }: SignInProps) {
  const t = translator(lang);
  const [tab, setTab] = useState("signin");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);

  const submit = (kind: "login" | "register") => async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure(null);
    setIssues([]);
    const r = await api("POST", `/api/auth/${kind}`, { email, password });
    // `next` was checked on the server; checked again here, where it is followed.
    if (r.ok) return location.assign(sameOriginPath(next, "/account"));
    setBusy(false);
    setIssues(r.details);
    // a refused e-mail or password is said once, at its field
    const atFields = r.details.length > 0 &&
      r.details.every((d) => d.field === "email" || d.field === "password");
    setFailure(
      atFields ? null : {
        status: r.status,
        message: r.status === 401 ? t("acct.badLogin") : r.message,
      },
    );
  };

  const form = (kind: "login" | "register") => (
    <form onSubmit={submit(kind)} noValidate>
      <Field
        id={`${kind}-email`}
        type="email"
        label={t("acct.email")}
        value={email}
        onInput={setEmail}
        error={issueFor(issues, "email")}
        attrs={{ autocomplete: "email", required: true }}
      />
      <Field
        id={`${kind}-password`}
        type="password"
        label={t("acct.password")}
        value={password}
        onInput={setPassword}
        help={kind === "register" ? t("acct.password.help") : undefined}
        error={issueFor(issues, "password")}
        attrs={{
          autocomplete: kind === "register" ? "new-password" : "current-password",
          required: true,
          minlength: kind === "register" ? 10 : undefined,
        }}
      />
      <p>
        <button type="submit" class="primary" disabled={busy}>
          {t(kind === "login" ? "acct.signin" : "acct.register")}
        </button>
      </p>
      <div aria-live="polite">
        {(kind === "login") !== (tab === "signin")
          ? null
          : failure?.status === 401
          ? <p class="notice" role="alert">{t("acct.badLogin")}</p>
          : <ApiNotice t={t} failure={failure} />}
      </div>
    </form>
  );

  return (
    <section class="card signin" aria-labelledby="signin-h">
      <h2 id="signin-h">{t("acct.signin.title")}</h2>
      <p class="muted">{t("acct.signin.intro")}</p>
      {googleUrl
        ? (
          <>
            <p>
              <a
                class="button"
                href={`${googleUrl}?return_to=${encodeURIComponent(next)}`}
                data-testid="google-signin"
              >
                {t("acct.google")}
              </a>
            </p>
            <p class="muted small">{t("acct.or")}</p>
          </>
        )
        : null}
      <Tabs
        label={t("acct.tabs")}
        current={tab}
        onChange={(id) => {
          setTab(id);
          setFailure(null);
          setIssues([]);
        }}
        tabs={[
          { id: "signin", label: t("acct.tab.signin") },
          { id: "register", label: t("acct.tab.register") },
        ]}
      >
        {(id) => form(id === "signin" ? "login" : "register")}
      </Tabs>
    </section>
  );
}
