import { ErrorState } from "../components/ErrorState.tsx";
import { Island } from "../components/Island.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import PaperDesk from "../islands/PaperDesk.tsx";
import type { PaperAccount, PaperOrder, SymbolsResponse } from "../lib/api_types.ts";
import type { PageRequest } from "./types.ts";
import { isSymbol } from "@trading/shared/symbol";

function daysBefore(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

/** Paper trading: the signed-in user's first (or `?account=`) paper account. */
export async function paperPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  const title = t("paper.title");
  const [accounts, symbols] = await Promise.all([
    req.core.get<{ accounts: PaperAccount[] }>("/api/paper/accounts"),
    req.core.get<SymbolsResponse>("/symbols"),
  ]);
  const intro = (
    <>
      <h1>{title}</h1>
      <p class="muted">{t("paper.intro")}</p>
    </>
  );
  if (!accounts.ok && accounts.status === 401) {
    return {
      title,
      body: (
        <>
          {intro}
          <section class="state" role="status">
            <p>{t("paper.signin")}</p>
            <p>
              <a class="button" href="/account?next=%2Fpaper">{t("nav.signin")}</a>
            </p>
          </section>
        </>
      ),
    };
  }
  if (!accounts.ok || !symbols.ok) {
    const down = (!accounts.ok && accounts.status >= 500) || (!symbols.ok && symbols.status >= 500);
    return {
      title,
      status: down ? 503 : 404,
      body: down
        ? <ErrorState title="error.core.title" body="error.core.body" />
        : <ErrorState title="paper.title" body="error.unavailable" />,
    };
  }
  const wanted = req.query.get("account");
  const asked = (req.query.get("symbol") ?? "").toUpperCase();
  const chosen = accounts.data.accounts.find((a) => a.id === wanted) ?? accounts.data.accounts[0];
  let account: PaperAccount | null = null;
  let orders: PaperOrder[] = [];
  if (chosen) {
    const [a, o] = await Promise.all([
      req.core.get<PaperAccount>(`/api/paper/accounts/${chosen.id}`),
      req.core.get<{ orders: PaperOrder[] }>(`/api/paper/accounts/${chosen.id}/orders`),
    ]);
    account = a.ok ? a.data : chosen;
    orders = o.ok ? o.data.orders : [];
  }
  const list = symbols.data.symbols.filter((s) => s.last !== null);
  // Start the replay where most symbols still have bars: 120 days before their most common
  // last date (the embedded histories end on different days).
  const counts = new Map<string, number>();
  for (const s of list) counts.set(s.last!, (counts.get(s.last!) ?? 0) + 1);
  const latest = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0] ?? "";
  return {
    title,
    body: (
      <>
        {intro}
        <Island
          name="PaperDesk"
          component={PaperDesk}
          props={{
            lang: req.lang,
            account,
            orders,
            symbols: list.map((s) => ({ symbol: s.symbol, name: s.name })),
            defaultStart: latest ? daysBefore(latest, 120) : "",
            ...(isSymbol(asked) ? { initialSymbol: asked } : {}),
          }}
        />
      </>
    ),
  };
}
