/**
 * Screenshots of the dashboard's pages for looking at them: every page × {desktop 1440×900,
 * phone 390×844} × {en, zh-TW} × {dark, light}, full page (and the phone's first screen), into
 * tests/e2e/screenshots/screens/.
 * Starts its own core + web (fresh SQLite), signs up a user with a paper account holding AAPL
 * and stops everything at the end. Not a test: run it when a page changes and look at the
 * images.
 *
 *     deno run -A tests/e2e/screens.ts              # every page
 *     deno run -A tests/e2e/screens.ts paper symbol  # pages whose name contains a word
 *
 * @module
 */
import { launchBrowser, SHOTS } from "./_browser.ts";
import { startStack } from "./_stack.ts";
import { storeTaiwanFixture } from "./_pages.ts";
import { openSqlite } from "../../core/db/sqlite.ts";
import { createAdmin } from "../../core/auth/admin_cli.ts";

/** Pages shot, by name. */
export const SCREEN_PAGES: Record<string, string> = {
  markets: "/",
  symbol: "/symbol/AAPL",
  "symbol-tw": "/symbol/2330.TW",
  "symbol-weekly": "/symbol/SPY?interval=1w",
  "symbol-monthly": "/symbol/SPY?interval=1mo",
  "symbol-hourly": "/symbol/AAPL?interval=1h",
  backtest: "/backtest?symbol=AAPL",
  paper: "/paper?symbol=AAPL",
  account: "/account",
  track: "/track-record",
  sources: "/sources",
  screener: "/screener",
  alerts: "/alerts?symbol=AAPL",
  "alerts-confirm": "/alerts/confirm?token=a-token-from-the-mail-123",
  admin: "/admin",
  docs: "/docs",
};

const VIEWPORTS = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

if (import.meta.main) {
  const words = Deno.args;
  const out = `${SHOTS}screens/`;
  await Deno.mkdir(out, { recursive: true });
  // private webhook targets: the alerts page lists a webhook on 127.0.0.1
  const stack = await startStack("screens", { coreEnv: { ALLOW_PRIVATE_WEBHOOKS: "true" } });
  const browser = await launchBrowser();
  try {
    const page = await browser.ctx.newPage();
    const base = stack.web.url;
    const post = (path: string, body: unknown) =>
      page.request.post(base + path, {
        data: body,
        headers: { "content-type": "application/json" },
      });
    await page.goto(base + "/");
    await post("/api/auth/register", {
      email: "screens@example.com",
      password: "screens pass 123",
    });
    // an admin (the admin page shows its tables) and 2330.TW from the recorded TWSE month
    const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
    await createAdmin(db, { email: "screens@example.com", now: Date.now() });
    await db.close();
    await storeTaiwanFixture(stack);
    const acc = await (await post("/api/paper/accounts", { start: "2018-01-02" })).json();
    await post(`/api/paper/accounts/${acc.id}/orders`, {
      client_order_id: "screens-1",
      symbol: "AAPL",
      side: "buy",
      qty: 100,
    });
    await post(`/api/paper/accounts/${acc.id}/advance`, { bars: 1 });
    const hook = await (await post("/api/notify/endpoints", {
      kind: "webhook",
      url: "http://127.0.0.1:9/hooks/trading",
    })).json();
    await post("/api/alerts", {
      symbol: "AAPL",
      name: "AAPL above 200",
      price: { crosses: "up", level: 200 },
      endpoints: [hook.id],
    });
    await post("/api/alerts", {
      watchlist: ["AAPL", "MSFT", "NVDA"],
      rule: "rsi(14) crosses_above 30",
      trigger: "once_per_bar",
      cooldown: 3600,
    });
    for (const [name, path] of Object.entries(SCREEN_PAGES)) {
      if (words.length && !words.some((w) => name.includes(w))) continue;
      for (const [vp, size] of Object.entries(VIEWPORTS)) {
        await page.setViewportSize(size);
        for (const lang of ["en", "zh-TW"]) {
          for (const theme of ["light", "dark"]) {
            await page.goto(`${base}/prefs/lang/${lang}?next=/`);
            await page.goto(`${base}/prefs/theme/${theme}?next=${encodeURIComponent(path)}`, {
              waitUntil: "networkidle",
            });
            await page.waitForTimeout(400);
            const file = `${out}${name}-${vp}-${lang}-${theme}.png`;
            await page.screenshot({ path: file, fullPage: true });
            // the first screen alone too: what a phone shows before scrolling
            if (vp === "phone") await page.screenshot({ path: file.replace(".png", "-top.png") });
            const wide = await page.evaluate(() => document.documentElement.scrollWidth);
            const note = `${file}${wide > size.width ? `  (scrollWidth ${wide})` : ""}\n`;
            await Deno.stdout.write(new TextEncoder().encode(note));
          }
        }
      }
    }
  } finally {
    await browser.close();
    await stack.stop();
  }
}
