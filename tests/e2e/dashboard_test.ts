/**
 * Browser tests of the dashboard: core and web as real processes on free ports, driven
 * by Debian Chromium. Fails (does not skip) when Chromium is absent.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import {
  removeSqlite,
  type RunningService,
  startService,
  tempSqliteUrl,
} from "../helpers/services.ts";
import { gzipSize, launchBrowser, recordProblems, SHOTS } from "./_browser.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const UP = [8, 153, 129];
const DOWN = [242, 54, 69];

async function buildAssets(): Promise<void> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "build"],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(`web build failed:\n${new TextDecoder().decode(out.stderr)}`);
}

/** Counts canvas pixels near the up and down candle colours in the chart's panes. */
function countCandlePixels(page: Page) {
  return page.evaluate(([up, down]) => {
    let ups = 0, downs = 0;
    const near = (d: Uint8ClampedArray, i: number, c: number[]) =>
      Math.abs(d[i]! - c[0]!) < 12 && Math.abs(d[i + 1]! - c[1]!) < 12 &&
      Math.abs(d[i + 2]! - c[2]!) < 12 && d[i + 3]! > 200;
    for (const cv of document.querySelectorAll<HTMLCanvasElement>(".chart-canvas canvas")) {
      const g = cv.getContext("2d");
      if (!g || cv.width === 0 || cv.height === 0) continue;
      const d = g.getImageData(0, 0, cv.width, cv.height).data;
      for (let i = 0; i < d.length; i += 4) {
        if (near(d, i, up!)) ups++;
        else if (near(d, i, down!)) downs++;
      }
    }
    return { ups, downs };
  }, [UP, DOWN]);
}

/** Sum of gzipped bytes of every script the page loaded. */
async function scriptWeight(page: Page, base: string, urls: Set<string>): Promise<number> {
  let total = 0;
  for (const u of urls) {
    if (!u.startsWith(base)) continue;
    const bytes = new Uint8Array(await (await fetch(u)).arrayBuffer());
    total += await gzipSize(bytes);
  }
  void page;
  return total;
}

Deno.test({
  name: "e2e dashboard - markets, symbol chart (pixels, legend), language, theme, no errors",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await buildAssets();
    const dbUrl = tempSqliteUrl("e2e");
    const running: RunningService[] = [];
    const browser = await launchBrowser();
    await Deno.mkdir(SHOTS, { recursive: true });
    try {
      const core = await startService("core", { DATABASE_URL: dbUrl });
      running.push(core);
      // The pages use no chart-service image yet (sparklines are inline SVG), so the chart
      // service is not started here; it joins when a page embeds /charts/* images.
      const web = await startService("web", {
        CORE_SERVICE_URL: core.url,
      }, { readyPath: "/health" });
      running.push(web);

      const page = await browser.ctx.newPage();
      const problems = recordProblems(page);
      const scripts = new Set<string>();
      page.on("request", (r) => {
        if (r.resourceType() === "script") scripts.add(r.url());
      });

      // Markets
      await page.goto(web.url + "/", { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=Watchlist][data-hydrated=true]");
      const rows = await page.locator("table.watchlist tbody tr").count();
      assert.equal(rows, 13, "13 symbols listed");
      const aaplLast = await page.locator("tr[data-symbol=AAPL] td.num").first().innerText();
      const quote = await (await fetch(`${core.url}/api/symbols/AAPL/quote`)).json();
      assert.equal(aaplLast, quote.close.toFixed(2));
      await page.getByLabel("Search").fill("nvid");
      assert.equal(await page.locator("table.watchlist tbody tr").count(), 1);
      await page.getByLabel("Search").fill("");
      await page.getByRole("button", { name: "Add AAPL to the watchlist" }).click();
      const stored = await page.evaluate(() => localStorage.getItem("watchlist.v1"));
      assert.deepEqual(JSON.parse(stored ?? "[]"), ["AAPL"]);
      // Live quotes: offline, core's stream replays stored bars and says so.
      await page.getByLabel("Live quotes").check();
      await page.waitForSelector("tr[data-symbol=AAPL] td[data-live=replay]", { timeout: 10_000 });
      assert.match(await page.locator("[role=status]").first().innerText(), /replaying/i);
      await page.screenshot({ path: `${SHOTS}markets.png`, fullPage: true });
      await page.getByLabel("Live quotes").uncheck();
      await page.waitForTimeout(200);
      // Switching the stream off cancels its request on purpose: not a failure.
      for (let i = problems.length - 1; i >= 0; i--) {
        if (/\/api\/quotes\/stream.*ERR_ABORTED/.test(problems[i]!)) problems.splice(i, 1);
      }
      const marketsKb = await scriptWeight(page, web.url, scripts) / 1024;
      assert.ok(marketsKb <= 30, `markets page JS ${marketsKb.toFixed(1)} KB gz ≤ 30 KB`);

      // Symbol page: candles drawn, legend matches the candles API
      scripts.clear();
      await page.goto(web.url + "/symbol/AAPL", { waitUntil: "networkidle" });
      await page.waitForSelector(".chart-box[data-status=ready]");
      await page.waitForTimeout(300);
      const px = await countCandlePixels(page);
      assert.ok(px.ups > 200 && px.downs > 200, `candles drawn: ${JSON.stringify(px)}`);
      const box = (await page.locator(".chart-canvas").boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.3);
      await page.waitForTimeout(200);
      const legend = page.locator("[data-testid=legend]");
      const date = await legend.locator("[data-field=date]").getAttribute("data-value");
      assert.ok(date && date !== quote.date, `hovered bar ${date} is not the last bar`);
      const api =
        await (await fetch(`${core.url}/api/symbols/AAPL/candles?from=${date}&to=${date}`))
          .json();
      const bar = api.candles[0];
      for (const k of ["open", "high", "low", "close", "volume"]) {
        const v = await legend.locator(`[data-field=${k}]`).getAttribute("data-value");
        assert.equal(Number(v), bar[k], `legend ${k} of ${date}`);
      }
      assert.match(
        await legend.locator("[data-field=close]").innerText(),
        new RegExp(bar.close.toFixed(2)),
      );
      assert.ok(await page.locator("a[href='https://www.tradingview.com/']").count() >= 1);
      await page.getByRole("button", { name: "3M" }).click();
      await page.screenshot({ path: `${SHOTS}symbol.png`, fullPage: true });
      const symbolKb = await scriptWeight(page, web.url, scripts) / 1024;
      assert.ok(symbolKb <= 90, `symbol page JS ${symbolKb.toFixed(1)} KB gz ≤ 90 KB`);
      const note = `JS weight gzipped: markets ${marketsKb.toFixed(1)} KB, symbol ${
        symbolKb.toFixed(1)
      } KB\n`;
      await Deno.stdout.write(new TextEncoder().encode(note));

      // Language and theme
      await page.getByRole("link", { name: "繁體中文" }).click();
      await page.waitForSelector("html[lang=zh-TW]");
      // let the new page finish loading its chart before navigating again (an in-flight
      // request cut by navigation is reported as failed)
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(await page.locator("nav.nav-wide a[aria-current=page]").innerText(), "市場");
      await page.getByRole("link", { name: "深色" }).click();
      await page.waitForSelector("html[data-theme=dark]");
      await page.waitForSelector(".chart-box[data-status=ready]");
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      assert.equal(bg, "rgb(11, 15, 20)");
      await page.screenshot({ path: `${SHOTS}symbol-zh-dark.png`, fullPage: true });
      await page.getByRole("link", { name: "English" }).click();
      await page.waitForSelector("html[lang=en]");
      await page.waitForSelector(".chart-box[data-status=ready]");

      // Sources page and an unknown symbol's friendly state
      await page.goto(web.url + "/sources", { waitUntil: "networkidle" });
      assert.match(await page.locator("h1").innerText(), /Data sources/);
      const missing = await fetch(`${web.url}/symbol/ZZZZ`);
      assert.equal(missing.status, 404);
      assert.match(await missing.text(), /No data for this symbol/);

      // Phone width renders the markets page without horizontal overflow of the body
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(web.url + "/", { waitUntil: "networkidle" });
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - document.documentElement.clientWidth
      );
      assert.ok(overflow <= 1, `no horizontal scroll on a phone (${overflow}px)`);
      await page.screenshot({ path: `${SHOTS}markets-phone.png`, fullPage: true });

      assert.deepEqual(problems, [], "no console errors and no failed requests");
    } finally {
      await browser.close();
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
