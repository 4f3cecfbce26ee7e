/**
 * Browser tests of issue 19 finding 8 (weight and metadata): what the browser downloads is
 * compressed (pages, assets and the API answers forwarded by web, negotiated with `Vary`), every
 * page has a meta description, and the API docs page follows the theme, has a way back and a
 * table of contents, and fits a 390 px phone.
 */
import assert from "node:assert/strict";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

const PAGES = ["/", "/symbol/AAPL", "/screener", "/backtest", "/paper", "/account", "/sources"];

Deno.test({
  name: "e2e weight and metadata - gzip on pages and API answers, meta descriptions, themed docs",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-weight-meta", {}, async ({ page, problems, stack }) => {
      const base = stack.web.url;
      const candles = page.waitForResponse((r) => r.url().includes("/api/symbols/AAPL/candles"));
      const doc = await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      const c = await candles;
      for (const [what, res] of [["page", doc!], ["candles", c]] as const) {
        const h = await res.allHeaders();
        assert.equal(h["content-encoding"], "gzip", `${what} is gzipped`);
        assert.match(h["vary"] ?? "", /accept-encoding/i, `${what} varies by Accept-Encoding`);
      }
      const sizes = await page.evaluate(() =>
        performance.getEntriesByType("resource")
          .filter((e) => e.name.includes("/api/symbols/AAPL/candles"))
          .map((
            e,
          ) => [
            (e as PerformanceResourceTiming).encodedBodySize,
            (e as PerformanceResourceTiming).decodedBodySize,
          ])
      );
      const [enc, dec] = sizes[0]!;
      assert.ok(enc! * 3 < dec!, `candles: ${enc} bytes on the wire for ${dec}`);

      const descriptions = new Set<string>();
      for (const path of [...PAGES, "/docs"]) {
        await page.goto(base + path, { waitUntil: "networkidle" });
        const d = await page.locator('meta[name="description"]').getAttribute("content");
        assert.ok(d && d.length > 20, `${path} has a meta description`);
        assert.ok(!descriptions.has(d), `${path}: its own description`);
        descriptions.add(d);
      }

      // The docs page: dark when the dashboard is dark, a way back, contents, fits a phone.
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/prefs/theme/dark?next=/docs`, { waitUntil: "domcontentloaded" });
      assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, "rgb(13, 17, 23)");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `docs page ${width} px wide on a 390 px phone`);
      const toc = page.locator("nav[aria-labelledby=toc-h] a");
      assert.ok(await toc.count() > 20, "a table of contents");
      await page.screenshot({ path: `${SHOTS}docs-phone-dark.png` });
      await page.getByRole("link", { name: "← Back to the dashboard" }).click();
      await page.waitForURL(`${base}/`);
      await page.goto(`${base}/prefs/theme/light?next=/docs`, { waitUntil: "domcontentloaded" });
      assert.equal(
        await page.evaluate(() => getComputedStyle(document.body).backgroundColor),
        "rgb(255, 255, 255)",
      );

      assert.deepEqual(problems, [], "no console errors and no failed requests");
    });
  },
});
