/**
 * Browser test of the track-record page and of the track record beside the AI panel's answer:
 * core and web as real processes, Debian Chromium, desktop and phone, English and zh-TW.
 * Screenshots go to tests/e2e/screenshots/track-record-*.png.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

const VIEWS = [
  { name: "desktop", width: 1440, height: 900 },
  { name: "phone", width: 390, height: 844 },
] as const;

async function setLang(page: Page, base: string, lang: "en" | "zh-TW") {
  await page.goto(`${base}/prefs/lang/${lang}?next=/track-record`);
}

Deno.test("e2e track record - tables, charts, per symbol, calibration; the AI answer shows its record", async () => {
  await browserSession("track-record", {}, async ({ page, problems, stack }) => {
    const base = stack.web.url;
    for (const lang of ["en", "zh-TW"] as const) {
      await setLang(page, base, lang);
      for (const v of VIEWS) {
        await page.setViewportSize({ width: v.width, height: v.height });
        const res = await page.goto(`${base}/track-record`, { waitUntil: "load" });
        assert.equal(res?.status(), 200);
        const h1 = await page.textContent("h1");
        assert.equal(h1, lang === "en" ? "The analyst's track record" : "分析師的績效紀錄");
        assert.equal(await page.locator(".reliability svg").count(), 2);
        assert.equal(await page.locator(".symbol-chart svg").count(), 2);
        assert.ok(await page.locator("[data-testid=llm-no-record]").isVisible());
        const coverage = await page.textContent("[data-testid=track-coverage]") ?? "";
        assert.match(coverage, /AAPL, GOOGL, QQQ, SPY/, "the universe's symbols it covers");
        const rows = await page.locator("table.track tbody tr").count();
        assert.ok(rows >= 4, `${rows} rows of groups`);
        await page.screenshot({
          path: `${SHOTS}track-record-${lang}-${v.name}.png`,
          fullPage: true,
        });
      }
    }
    await setLang(page, base, "en");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${base}/symbol/AAPL`, { waitUntil: "load" });
    await page.click("section.ai button.primary");
    const track = page.locator("[data-testid=ai-track-record]");
    await track.waitFor({ timeout: 20_000 });
    const text = await track.textContent() ?? "";
    assert.match(text, /calls of this analyst: \d+\.\d% hit \(95% /);
    const basis = page.locator("[data-testid=ai-confidence-basis]");
    assert.equal(await basis.getAttribute("data-calibrated"), "true");
    assert.match(
      await basis.textContent() ?? "",
      /calibrated: the measured hit rate of this analyst's earlier calls at its stated confidence \(\d+\.\d%\)/,
    );
    await page.locator("section.ai").screenshot({ path: `${SHOTS}track-record-ai-panel.png` });
    assert.deepEqual(problems, []);
  });
});
