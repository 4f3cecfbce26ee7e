import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import AccountPanel from "../islands/AccountPanel.tsx";
import SignIn from "../islands/SignIn.tsx";
import { sameOriginPath } from "../lib/local_path.ts";
import type { ApiToken, MeResponse, ProvidersResponse } from "../lib/api_types.ts";
import type { PageRequest } from "./types.ts";

/** Account: sign in / register when anonymous, else profile, quota, redeem and API tokens. */
export async function accountPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const title = t("acct.title");
  const me = await req.core.get<MeResponse>("/api/me");
  if (!me.ok && me.status !== 401) {
    return {
      title,
      status: me.status >= 500 ? 503 : me.status,
      body: me.status >= 500
        ? <ErrorState title="error.core.title" body="error.core.body" />
        : <ErrorState title="acct.title" body="error.unavailable" detail={me.message} />,
    };
  }
  if (!me.ok) {
    const providers = await req.core.get<ProvidersResponse>("/api/auth/providers");
    return {
      title: t("acct.signin.title"),
      body: (
        <>
          <h1>{t("acct.signin.title")}</h1>
          <Island
            name="SignIn"
            component={SignIn}
            props={{
              lang: req.lang,
              googleUrl: providers.ok && providers.data.google
                ? providers.data.google_login_url
                : null,
              next: sameOriginPath(req.query.get("next"), "/account"),
            }}
          />
        </>
      ),
    };
  }
  const tokens = await req.core.get<{ tokens: ApiToken[] }>("/api/tokens");
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        <Island
          name="AccountPanel"
          component={AccountPanel}
          props={{ lang: req.lang, me: me.data, tokens: tokens.ok ? tokens.data.tokens : [] }}
        />
      </>
    ),
  };
}
