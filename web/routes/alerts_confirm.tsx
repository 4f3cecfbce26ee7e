import { Island } from "../components/Island.tsx";
import ConfirmEmail from "../islands/ConfirmEmail.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import type { PageRequest } from "./types.ts";

/**
 * The page a confirmation e-mail links to (`/alerts/confirm?token=…`): one button posts the
 * token to core. No sign-in needed: the token proves the mailbox.
 */
export function alertsConfirmPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const token = req.query.get("token") ?? "";
  const valid = /^[A-Za-z0-9_-]{16,200}$/.test(token);
  return Promise.resolve({
    title: t("confirm.title"),
    status: valid ? 200 : 400,
    body: (
      <>
        <h1>{t("confirm.title")}</h1>
        {valid
          ? (
            <Island
              name="ConfirmEmail"
              component={ConfirmEmail}
              props={{ lang: req.lang, token }}
            />
          )
          : (
            <section class="state" role="alert">
              <p>{t("confirm.missing")}</p>
              <p>
                <a class="button" href="/alerts">{t("confirm.toAlerts")}</a>
              </p>
            </section>
          )}
      </>
    ),
  });
}
