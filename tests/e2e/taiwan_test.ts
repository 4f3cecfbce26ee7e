/**
 * Browser test of issue 19, finding 4 (Taiwan conventions): red-up colours by default in
 * zh-TW and on a .TW symbol (the user can switch, kept in a cookie), TWSE volume in 張 (lots of
 * 1,000 shares; "lots" in English), signal reasons in the UI language, and the markets search
 * finding 2330.TW by code and by Chinese name. 2330.TW is not in the bundled data: its bars are
 * the recorded TWSE response (tests/fixtures/providers/twse, December 2020), stored as the
 * online provider would store them.
 */
import assert from "node:assert/strict";
import { browserSession } from "./_stack.ts";
import { openSqlite } from "../../core/db/sqlite.ts";
import { MarketRepository } from "../../core/market_data/repository.ts";
import { parseStockDay, parseStockDayName } from "../../core/providers/twse.ts";
import { fixture } from "../helpers/fixture_server.ts";
import type { Page } from "playwright-core";

const css = (page: Page, name: string) =>
  page.evaluate((n) => getComputedStyle(document.documentElement).getPropertyValue(n).trim(), name);

Deno.test({
  name: "e2e Taiwan conventions - red up, 張, translated reasons, search by code and Chinese name",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-taiwan", {}, async ({ page, stack }) => {
      const base = stack.web.url;
      const doc = JSON.parse(fixture("twse/STOCK_DAY_2330_202012.json"));
      const bars = parseStockDay("2330", doc);
      const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
      await new MarketRepository(db).importBars({
        symbol: "2330.TW",
        name: "2330.TW",
        nameZh: parseStockDayName(doc)!,
        market: "TW",
        currency: "TWD",
        source: "twse",
      }, bars);
      await db.close();
      const lastLots = bars.at(-1)!.volume / 1000;
      await page.setViewportSize({ width: 1440, height: 900 });

      // English, US symbol: green up (no override); a .TW symbol: red up by default, in lots
      await page.goto(`${base}/prefs/lang/en?next=/symbol/AAPL`, { waitUntil: "networkidle" });
      assert.equal(await page.getAttribute("html", "data-up"), null);
      assert.equal(await css(page, "--up"), "#089981");
      await page.goto(`${base}/symbol/2330.TW`, { waitUntil: "networkidle" });
      assert.equal(await page.getAttribute("html", "data-up"), "red");
      assert.equal(await css(page, "--up"), "#f23645");
      assert.match(
        await page.locator("[data-testid=quote-volume]").innerText(),
        /\d(\.\d+)?K? lots/,
      );

      // zh-TW: red up everywhere, 張 in the quote and in the chart legend, the Chinese name
      await page.goto(`${base}/prefs/lang/zh-TW?next=/symbol/2330.TW`, {
        waitUntil: "networkidle",
      });
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(await page.getAttribute("html", "data-up"), "red");
      const vol = await page.locator("[data-testid=quote-volume]").innerText();
      const lotsText = new Intl.NumberFormat("zh-TW", {
        notation: "compact",
        maximumFractionDigits: 2,
      }).format(lastLots);
      assert.ok(vol.includes(`${lotsText} 張`), `quote volume "${vol}" is ${lotsText} 張`);
      assert.match(await page.locator("[data-field=volume]").innerText(), / 張$/);
      assert.match(await page.locator("h1").innerText(), /台積電/);
      // a rise is red: the change of the last close (+) is drawn in the up colour, which is red
      const rise = await page.evaluate(() => {
        const el = document.querySelector(".price .up, .price .down");
        return el ? { cls: el.className, color: getComputedStyle(el).color } : null;
      });
      assert.ok(rise, "the quote shows a change");
      assert.equal(
        rise.color,
        rise.cls.includes("up") ? "rgb(185, 28, 28)" : "rgb(4, 120, 87)",
        `${rise.cls} in red-up colours`,
      );

      // zh-TW on a US symbol is red up too, and its signal reasons are Chinese sentences
      await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      assert.equal(await page.getAttribute("html", "data-up"), "red");
      const reasons = await page.locator("[data-testid=signal-list] .block").allInnerTexts();
      assert.ok(reasons.length > 0);
      for (const r of reasons) assert.doesNotMatch(r, /\b[a-z]{4,}\b/, `reason "${r}"`);
      await page.locator("[data-testid=pattern-list] details").first().locator("summary").click();
      const criteria = await page.locator("[data-testid=pattern-list] details li").allInnerTexts();
      for (const c of criteria) assert.doesNotMatch(c, /\b[a-z]{4,}\b/, `criterion "${c}"`);

      // the user's choice wins: green up in zh-TW, kept across pages
      await page.locator("a[data-up-link=green]").first().click({ force: true });
      await page.waitForLoadState("networkidle");
      assert.equal(await page.getAttribute("html", "data-up"), null);
      await page.goto(`${base}/symbol/2330.TW`, { waitUntil: "networkidle" });
      assert.equal(await page.getAttribute("html", "data-up"), null);
      assert.equal(await css(page, "--up"), "#089981");

      // search by code and by Chinese name finds the stored 2330.TW
      for (const q of ["2330", "台積電"]) {
        await page.goto(`${base}/`, { waitUntil: "networkidle" });
        await page.locator("input[type=search]").fill(q);
        const hit = page.locator("[data-testid=search-stored] a[href='/symbol/2330.TW']");
        await hit.waitFor({ timeout: 5_000 });
        assert.match(await page.locator("[data-testid=search-stored]").innerText(), /台積電/);
      }
    });
  },
});
