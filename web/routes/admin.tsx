import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import AdminPanel from "../islands/AdminPanel.tsx";
import type { MeResponse, RedemptionCode, UsageResponse } from "../lib/api_types.ts";
import type { PageRequest } from "./types.ts";

/** Admin: redemption codes and usage; a friendly 401/403 page for everyone else. */
export async function adminPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const title = t("admin.title");
  const me = await req.core.get<MeResponse>("/api/me");
  if (!me.ok) {
    if (me.status >= 500) {
      return {
        title,
        status: 503,
        body: <ErrorState title="error.core.title" body="error.core.body" />,
      };
    }
    return {
      title,
      status: 401,
      body: (
        <section class="state" role="alert">
          <h2>{t("admin.notAdmin")}</h2>
          <p>
            <a href="/account?next=%2Fadmin">{t("nav.signin")}</a>
          </p>
        </section>
      ),
    };
  }
  if (me.data.user.role !== "admin") {
    return {
      title,
      status: 403,
      body: <ErrorState title="admin.title" body="admin.notAdmin" />,
    };
  }
  const [codes, usage] = await Promise.all([
    req.core.get<{ codes: RedemptionCode[] }>("/api/admin/redemption-codes"),
    req.core.get<UsageResponse>("/api/admin/usage"),
  ]);
  return {
    title,
    body: (
      <>
        <h1>{title}</h1>
        {codes.ok ? null : <p class="notice">{t("error.unavailable")}</p>}
        <Island
          name="AdminPanel"
          component={AdminPanel}
          props={{
            lang: req.lang,
            codes: codes.ok ? codes.data.codes : [],
            usage: usage.ok ? usage.data : null,
          }}
        />
      </>
    ),
  };
}
