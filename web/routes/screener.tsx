import { Island } from "../components/Island.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import Screener from "../islands/Screener.tsx";
import type { PageRequest } from "./types.ts";

const EXAMPLE = "within(close crosses_above sma(20), 10)";

/** The screener: one island; whether the visitor can save screens is asked of core. */
export async function screenerPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const me = await req.core.get<unknown>("/api/me");
  const rule = (req.query.get("rule") ?? "").slice(0, 2000) || EXAMPLE;
  return {
    title: t("screen.title"),
    body: (
      <>
        <h1>{t("screen.title")}</h1>
        <p class="muted">{t("screen.intro")}</p>
        <Island
          name="Screener"
          component={Screener}
          props={{ lang: req.lang, signedIn: me.ok, initialRule: rule }}
        />
      </>
    ),
  };
}
