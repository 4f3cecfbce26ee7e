/**
 * The alert path end to end in real processes: core (its real permission flags) and web on a
 * fresh SQLite file; a signed-in user creates an alert; a new bar is written to the database by
 * this (another) process, as `deno task import` would; core's alert engine notices the new data
 * version and fires; the header bell's badge shows 1 live over the notification stream, and its
 * menu lists the alert. Screenshots of the open menu: desktop and phone, en and zh-TW.
 *
 * @module
 */
import assert from "node:assert/strict";
import { launchBrowser } from "./_browser.ts";
import { startStack } from "./_stack.ts";
import { openSqlite } from "../../core/db/sqlite.ts";
import { MarketRepository } from "../../core/market_data/repository.ts";

const SHOTS = new URL("./screenshots/alerts/", import.meta.url).pathname;

Deno.test({
  name: "alerts - a bar written by another process fires an alert; the header bell shows it live",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await Deno.mkdir(SHOTS, { recursive: true });
    const stack = await startStack("alerts-bell", { coreEnv: { ALERTS_POLL_MS: "200" } });
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
      assert.equal(await page.locator(".bell-button").count(), 0, "no bell when signed out");
      await post("/api/auth/register", { email: "bell@example.com", password: "bell pass 12345" });
      const alert = await post("/api/alerts", {
        symbol: "AAPL",
        name: "AAPL above 130",
        price: { crosses: "up", level: 130 },
      });
      assert.equal(alert.status(), 201, await alert.text());
      await page.waitForTimeout(800); // core's engine has set its watermarks
      await page.goto(base + "/", { waitUntil: "networkidle" }); // the stream opens later
      await page.locator(".bell-button").waitFor();
      await page.waitForTimeout(2_500); // the bell's stream is open
      assert.equal(await page.locator(".bell-badge").count(), 0);

      const path = stack.dbUrl.slice("sqlite:///".length);
      const db = await openSqlite(path);
      await new MarketRepository(db).importBars(
        { symbol: "AAPL", name: "Apple Inc.", market: "US", currency: "USD", source: "test" },
        // the day after AAPL's last bundled bar (2021-03-31, close 122.15): a close above 130
        [{ date: "2021-04-01", open: 123.66, high: 131, low: 122.49, close: 130.5, volume: 1e8 }],
        { replace: false },
      );
      await db.close();
      await page.locator(".bell-badge").waitFor({ timeout: 10_000 });
      assert.equal((await page.locator(".bell-badge").textContent())?.trim(), "1");

      for (
        const [vp, size] of Object.entries({
          desktop: { width: 1440, height: 900 },
          phone: { width: 390, height: 844 },
        })
      ) {
        await page.setViewportSize(size);
        for (const lang of ["en", "zh-TW"]) {
          await page.goto(`${base}/prefs/lang/${lang}?next=/`, { waitUntil: "networkidle" });
          await page.locator(".bell-badge").waitFor();
          await page.locator(".bell-button").click();
          await page.locator(".bell-menu li").first().waitFor();
          assert.match(await page.locator(".bell-menu").innerText(), /AAPL above 130 — AAPL/);
          await page.screenshot({ path: `${SHOTS}bell-${vp}-${lang}.png` });
        }
      }
    } finally {
      await browser.close();
      await stack.stop();
    }
  },
});
