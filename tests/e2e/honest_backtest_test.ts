/**
 * Browser tests of issue 19 finding 3 (backtest results that do not flatter the strategy): the
 * headline against buy-and-hold, the strategy's name, the whole period on a phone, walk-forward
 * on by default, the minimum-trades filter with its warnings, heat-map cells readable (AA) in the
 * dark theme, and grid inputs wide enough for their values.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

/** WCAG contrast of each heat-map cell's text on its background, blended over the page. */
function cellContrasts(page: Page): Promise<number[]> {
  return page.$$eval("[data-testid=heatmap] tbody td", (cells) => {
    const parse = (c: string) => {
      const n = (c.match(/[\d.]+/g) ?? []).map(Number);
      return { rgb: [n[0] ?? 0, n[1] ?? 0, n[2] ?? 0], a: n.length > 3 ? n[3]! : 1 };
    };
    const under = (el: Element | null): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c.a > 0) return c.a >= 1 ? c.rgb : blend(c, under(e.parentElement));
      }
      return [255, 255, 255];
    };
    const blend = (c: { rgb: number[]; a: number }, base: number[]) =>
      c.rgb.map((v, i) => v * c.a + base[i]! * (1 - c.a));
    const lum = (rgb: number[]) => {
      const [r, g, b] = rgb.map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    return cells.map((td) => {
      const bg = under(td);
      const fg = blend(parse(getComputedStyle(td).color), bg);
      const [hi, lo] = [lum(bg), lum(fg)].sort((a, b) => b - a);
      return (hi! + 0.05) / (lo! + 0.05);
    });
  });
}

/**
 * The last five years of AAPL's bundled history (1998-01-02 .. 2021-03-31): long enough for a
 * walk-forward by default, short enough that the slow crossings of the grid below trade fewer
 * than 10 times (the whole 23 years gives every combination at least 11 trades).
 */
const FROM = "2016-04-01", TO = "2021-03-31";

async function runBacktest(page: Page, url: string) {
  await page.goto(url, { waitUntil: "networkidle" });
  await page.waitForSelector("[data-island=BacktestLab][data-hydrated=true]");
  await page.locator("#bt-from").fill(FROM);
  await page.locator("#bt-to").fill(TO);
  await page.locator("#panel-run button[type=submit]").click();
  await page.locator("[data-testid=bt-result]").waitFor();
  await page.waitForSelector(".bt-result .chart-box[data-status=ready]");
  await page.waitForSelector(".bt-equity[data-visible-from]");
}

Deno.test({
  name: "e2e honest backtest - headline vs buy-and-hold, names, full period on a phone, " +
    "min-trades filter, walk-forward default, AA heat-map",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-honest-bt", {}, async ({ page, problems, stack }) => {
      const { web, core } = stack;
      const url = `${web.url}/backtest?symbol=AAPL&strategy=sma_cross`;
      await page.goto(`${web.url}/prefs/theme/dark?next=/`);
      await page.setViewportSize({ width: 1440, height: 900 });
      await runBacktest(page, url);

      // The headline is the difference to buy-and-hold, coloured by it.
      const result = page.locator("[data-testid=bt-result]");
      const id = await result.getAttribute("data-id");
      const stored = await (await fetch(`${core.url}/api/backtests/${id}`)).json();
      assert.equal(stored.equity[0].date, FROM, "the run covers the five years asked for");
      assert.equal(stored.equity.at(-1).date, TO);
      const pts = (stored.metrics.total_return - stored.benchmark.total_return) * 100;
      const verdict = page.getByTestId("bt-verdict");
      assert.match(await verdict.innerText(), /pts vs buy-and-hold/);
      assert.ok(Math.abs(Number(await verdict.getAttribute("data-points")) - pts) < 1e-6);
      assert.match(await verdict.getAttribute("class") ?? "", pts < 0 ? /\bdown\b/ : /\bup\b/);
      const card = page.locator("[data-metric=total_return] strong").first();
      assert.match(await card.getAttribute("class") ?? "", pts < 0 ? /\bdown\b/ : /\bup\b/);

      // The strategy's name, never its id.
      assert.equal(await page.getByTestId("bt-strategy").innerText(), "SMA crossover");
      assert.ok(!(await result.innerText()).includes("sma_cross"), "no strategy id shown");

      // Optimise: walk-forward is on by default for 5 years of bars; grid inputs show their values.
      await page.getByRole("tab", { name: "Optimise" }).click();
      assert.equal(await page.locator("#opt-wf").isChecked(), true, "walk-forward on by default");
      const fast = page.locator("#opt-g-fast");
      await fast.fill("5, 10, 15, 20, 25, 30, 40");
      await page.locator("#opt-g-slow").fill("100, 150, 200");
      const cut = await fast.evaluate((el) => el.scrollWidth - el.clientWidth);
      assert.ok(cut <= 0, `grid input cut off by ${cut}px`);
      await page.getByRole("button", { name: "Start optimisation" }).click();
      await page.locator("[data-testid=opt-result]").waitFor({ timeout: 120_000 });

      // Rows below the minimum of 10 trades are hidden, then shown with a warning each.
      assert.equal(await page.locator("#opt-min-trades").inputValue(), "10");
      const counts = await page.$$eval(
        "[data-testid=opt-top] tbody tr td:nth-child(5)",
        (tds) => tds.map((td) => Number(td.textContent)),
      );
      assert.ok(counts.length > 0, "a combination with 10 trades or more is shown");
      assert.ok(counts.every((n) => n >= 10), `shown trade counts ${counts}`);
      await page.getByTestId("opt-few-trades").waitFor();
      await page.locator("#opt-show-few").check();
      const thin = page.locator("[data-testid=opt-top] tbody tr[data-few-trades=true]");
      assert.ok(await thin.count() > 0, "a combination with few trades exists in this grid");
      for (const row of await thin.all()) {
        assert.ok(await row.getByTestId("few-trades-warning").isVisible());
      }
      await page.locator("#opt-min-trades").fill("0");
      assert.equal(await thin.count(), 0, "no warning once the minimum is 0");

      // Heat-map: every cell's text passes AA on its colour (dark theme).
      const contrasts = await cellContrasts(page);
      assert.ok(contrasts.length > 0);
      const failing = contrasts.filter((c) => c < 4.5);
      assert.deepEqual(failing, [], "heat-map cells below 4.5:1");
      await page.screenshot({ path: `${SHOTS}honest-optimise-dark.png`, fullPage: true });

      // A phone shows the whole period of the 5-year run.
      await page.setViewportSize({ width: 390, height: 844 });
      await runBacktest(page, url);
      const eq = page.locator(".bt-equity");
      const first = stored.equity[0].date, last = stored.equity.at(-1).date;
      assert.ok((await eq.getAttribute("data-visible-from"))! <= first, "first date visible");
      assert.ok((await eq.getAttribute("data-visible-to"))! >= last, "last date visible");
      await page.screenshot({ path: `${SHOTS}honest-backtest-phone.png`, fullPage: true });

      assert.deepEqual(problems, [], "no console errors and no failed requests");
    });
  },
});
