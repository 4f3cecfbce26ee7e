/**
 * Browser test of issue 19, finding 5 (phone layout), on every page at 390×844 in English and
 * Chinese: no page is wider than the screen (`document.documentElement.scrollWidth ≤ 390`), the
 * header is one short line (≤ 70 px) with a Menu button that opens the navigation, every table
 * scrolls inside a focusable, labelled region, no table header or cell wraps one character per
 * line, and on a symbol page the chart starts in the first screen and takes ≥ 55% of its height.
 */
import assert from "node:assert/strict";
import { browserSession } from "./_stack.ts";
import { openPage, seedPages, VIEWPORTS, WALK_PAGES } from "./_pages.ts";

/** What one page measures (run in the browser). */
function measure() {
  const problems: string[] = [];
  const header = document.querySelector("header.top")?.getBoundingClientRect().height ?? 0;
  // (lightweight-charts lays its panes out in a table of its own)
  for (const table of document.querySelectorAll("main table:not(.chart-canvas table)")) {
    const region = table.closest("[role=region]");
    const ok = region && region.getAttribute("tabindex") === "0" &&
      (region.getAttribute("aria-label") || region.getAttribute("aria-labelledby")) &&
      /auto|scroll/.test(getComputedStyle(region).overflowX);
    if (!ok) problems.push(`table not in a focusable scrolling region: ${table.className}`);
  }
  for (const cell of document.querySelectorAll("main th, main td")) {
    if (cell.closest(".chart-canvas")) continue;
    const text = (cell.textContent ?? "").trim();
    if (text.length < 3 || !cell.firstChild) continue;
    const range = document.createRange();
    range.selectNodeContents(cell);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    // a character per line: as many lines as characters (or nearly)
    if (tops.size >= 3 && tops.size >= text.replace(/\s/g, "").length * 0.6) {
      problems.push(`"${text.slice(0, 30)}" wraps ${tops.size} lines`);
    }
  }
  const chart = document.querySelector(".chart-canvas")?.getBoundingClientRect();
  return {
    width: document.documentElement.scrollWidth,
    header,
    problems,
    chart: chart ? { top: chart.top + scrollY, height: chart.height } : null,
  };
}

Deno.test({
  name: "e2e phone layout - every page fits 390 px, compact header, scrolling tables, big chart",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-phone", {}, async ({ page, stack }) => {
      const base = stack.web.url;
      await seedPages(page, stack, "phone@example.com");
      const { width, height } = VIEWPORTS.phone;
      await page.setViewportSize({ width, height });
      const failures: string[] = [];
      for (const [name, path] of Object.entries(WALK_PAGES)) {
        for (const lang of ["en", "zh-TW"]) {
          await openPage(page, base, path, { lang, theme: "light" });
          if (path.startsWith("/symbol/")) await page.waitForSelector(".chart-box[data-status]");
          const m = await page.evaluate(measure);
          const at = `${name} (${lang})`;
          if (m.width > width) failures.push(`${at}: ${m.width}px wide`);
          if (path !== "/docs" && m.header > 70) failures.push(`${at}: header ${m.header}px`);
          for (const p of m.problems) failures.push(`${at}: ${p}`);
          if (name.startsWith("symbol")) {
            if (!m.chart) failures.push(`${at}: no chart`);
            else {
              if (m.chart.top >= height) failures.push(`${at}: chart starts at ${m.chart.top}px`);
              if (m.chart.height < 0.55 * height) {
                failures.push(`${at}: chart ${m.chart.height}px tall`);
              }
            }
          }
        }
      }
      // the lab's results on a phone: an optimisation's heat-map and best rows stay in their boxes
      await openPage(page, base, "/backtest?symbol=AAPL", { lang: "zh-TW", theme: "light" });
      await page.locator("#tab-optimise").click();
      const opt = page.locator("#panel-optimise");
      await opt.locator("#opt-g-fast").fill("5, 10, 20");
      await opt.locator("#opt-g-slow").fill("50, 100");
      await opt.locator("button[type=submit]").click();
      await page.locator("[data-testid=heatmap]").waitFor({ timeout: 60_000 });
      const lab = await page.evaluate(measure);
      if (lab.width > width) failures.push(`optimisation (zh-TW): ${lab.width}px wide`);
      for (const p of lab.problems) failures.push(`optimisation (zh-TW): ${p}`);

      // the Menu button opens the navigation
      await openPage(page, base, "/", { lang: "en", theme: "light" });
      const backtest = page.getByRole("link", { name: "Backtest" });
      assert.equal(await backtest.isVisible(), false, "navigation folded behind the menu");
      await page.locator("details.menu summary").click();
      await backtest.click();
      await page.waitForURL(/\/backtest/);
      assert.deepEqual(failures, []);
    });
  },
});
