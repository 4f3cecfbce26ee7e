/**
 * Browser test of the timeframes: the symbol page's switcher (the interval in the URL, the
 * chart, quote and analysis at that interval, intraday intervals without data disabled, range
 * buttons per interval, the partial-bar note), then the backtest lab and the screener at an
 * interval.
 */
import assert from "node:assert/strict";
import { browserSession } from "./_stack.ts";

Deno.test({
  name:
    "e2e timeframes - symbol page switcher, ranges per interval, partial month; lab and screener take an interval",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-timeframes", {}, async ({ page, problems, stack }) => {
      const base = stack.web.url;
      page.setDefaultTimeout(15_000);
      const legendDate = () =>
        page.locator("[data-testid=legend] [data-field=date]").getAttribute("data-value");
      const ranges = () =>
        page.getByRole("group", { name: "Range" }).getByRole("button").allInnerTexts();

      // SPX (2000-01-03 .. 2020-04-17) is outside the default universe, served by name: its page,
      // and the lab its Backtest link opens, work as for a listed symbol
      await page.goto(`${base}/symbol/SPX?overlays=signals`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=PriceChart][data-hydrated=true]");
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(await legendDate(), "2020-04-17", "daily: the last day");
      assert.doesNotMatch(await page.locator("#ai-h + p").innerText(), /reads daily bars/);
      assert.deepEqual(await ranges(), ["1M", "3M", "6M", "1Y", "5Y", "All"]);
      const nav = page.getByRole("group", { name: "Timeframe" });
      assert.equal(await nav.locator("[aria-current=page]").innerText(), "1D");
      // no intraday bars stored for SPX: those intervals are shown but not links
      for (const i of ["1m", "5m", "15m", "30m", "1h"]) {
        assert.equal(
          await nav.locator(`[data-interval="${i}"]`).getAttribute("aria-disabled"),
          "true",
        );
      }

      await nav.getByRole("link", { name: "1W" }).click();
      await page.waitForURL(/interval=1w/);
      assert.match(page.url(), /overlays=signals/, "the other parameters are kept");
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(await legendDate(), "2020-04-13", "weekly: labelled by the week's Monday");
      assert.match(
        await page.locator("#ai-h + p").innerText(),
        /reads daily bars, whatever the chart's interval/,
        "the AI panel says it analyses days, not these weeks",
      );
      assert.deepEqual(await ranges(), ["6M", "1Y", "5Y", "10Y", "All"]);
      assert.equal(
        await page.getByRole("group", { name: "Range" }).locator("[aria-pressed=true]").innerText(),
        "5Y",
      );
      assert.equal(await page.locator("[data-testid=partial-note]").count(), 0, "week ended");
      // the quote is the week's: its change is against the previous week's close
      const weekly = await (await fetch(`${stack.core.url}/api/symbols/SPX/quote?interval=1w`))
        .json();
      assert.match(await page.locator("header.quote").innerText(), /Weekly bars/);
      assert.match(
        await page.locator("header.quote .price").innerText(),
        new RegExp(`\\+${weekly.change.toFixed(2)}`),
      );

      await nav.getByRole("link", { name: "1M" }).click();
      await page.waitForURL(/interval=1mo/);
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(await legendDate(), "2020-04-01");
      assert.deepEqual(await ranges(), ["5Y", "10Y", "All"]);
      assert.match(
        await page.getByTestId("partial-note").innerText(),
        /month is not over/,
        "April 2020 is stored to the 17th",
      );
      // the indicator picker asks for monthly values
      const asked = page.waitForRequest(/indicators\?names=rsi&interval=1mo/);
      await page.getByRole("checkbox", { name: "RSI" }).check();
      await asked;

      // AAPL has the bundled hourly bars: 1h is a link, and the chart shows hours
      await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      await page.waitForSelector(".chart-box[data-status=ready]");
      const aapl = page.getByRole("group", { name: "Timeframe" });
      assert.equal(
        await aapl.locator('[data-interval="5m"]').getAttribute("aria-disabled"),
        "true",
      );
      await aapl.getByRole("link", { name: "1h" }).click();
      await page.waitForURL(/interval=1h/);
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(await legendDate(), "2021-03-31T15:00:00-04:00");
      assert.match(
        await page.locator("[data-testid=legend] [data-field=date]").innerText(),
        /15:00/,
      );
      assert.deepEqual(await ranges(), ["1D", "5D", "1M", "3M", "All"]);

      // zh-TW labels
      await page.goto(
        `${base}/prefs/lang/zh-TW?next=${encodeURIComponent("/symbol/SPX?interval=1w")}`,
        {
          waitUntil: "networkidle",
        },
      );
      await page.waitForSelector(".chart-box[data-status=ready]");
      assert.equal(
        await page.getByRole("group", { name: "週期" }).locator("[aria-current=page]")
          .innerText(),
        "週",
      );
      // the backtest lab at the symbol page's interval
      await page.goto(
        `${base}/prefs/lang/en?next=${encodeURIComponent("/symbol/SPX?interval=1w")}`,
      );
      await page.locator("header.quote").getByRole("link", { name: "Backtest" }).click();
      await page.waitForURL(/\/backtest\?symbol=SPX&interval=1w/);
      await page.waitForSelector("[data-island=BacktestLab][data-hydrated=true]");
      assert.equal(await page.getByLabel("Bar interval").inputValue(), "1w");
      const run = page.locator("#panel-run");
      await run.getByLabel("Fast", { exact: false }).first().fill("4");
      await run.getByLabel("Slow", { exact: false }).first().fill("12");
      await page.getByRole("button", { name: "Run backtest" }).click();
      const result = page.locator("[data-testid=bt-result]");
      await result.waitFor();
      await page.waitForSelector(".bt-result .chart-box[data-status=ready]");
      const stored = await (await fetch(
        `${stack.core.url}/api/backtests/${await result.getAttribute("data-id")}`,
      )).json();
      assert.equal(stored.interval, "1w");
      assert.equal(stored.to, "2020-04-13");
      assert.match(await result.innerText(), /Weekly bars/);

      // the lab on hourly bars: AAPL has them (bundled LEAN hours), not minutes; MSFT has none
      await page.goto(`${base}/backtest?symbol=AAPL&interval=1h`);
      await page.waitForSelector("[data-island=BacktestLab][data-hydrated=true]");
      const barInterval = page.getByLabel("Bar interval");
      assert.equal(await barInterval.inputValue(), "1h");
      assert.equal(await barInterval.locator("option[value='1m']").isDisabled(), true);
      assert.equal(await barInterval.locator("option[value='1h']").isDisabled(), false);
      await page.getByLabel("From", { exact: true }).fill("2021-01-04");
      await run.getByLabel("Fast", { exact: false }).first().fill("7");
      await run.getByLabel("Slow", { exact: false }).first().fill("35");
      await page.getByRole("button", { name: "Run backtest" }).click();
      await page.waitForFunction(() =>
        document.querySelector("[data-testid=bt-result]")?.textContent?.includes("Hourly bars")
      );
      await page.waitForSelector(".bt-result .chart-box[data-status=ready]");
      const hourly = await (await fetch(
        `${stack.core.url}/api/backtests/${await result.getAttribute("data-id")}`,
      )).json();
      assert.equal(hourly.interval, "1h");
      assert.equal(hourly.from, "2021-01-04T09:30:00-05:00", "the session's first hour");
      assert.equal(hourly.to, "2021-03-31T15:00:00-04:00");
      // 61 sessions of 7 hours (LEAN's hourly AAPL, 2021-01-04 .. 2021-03-31)
      assert.equal(hourly.equity.length, 427);
      assert.equal(await page.locator(".bt-equity").getAttribute("data-scale"), "linear");
      await page.getByLabel("Symbol", { exact: true }).selectOption("MSFT");
      assert.equal(await barInterval.inputValue(), "1d", "MSFT has no hours: back to daily");

      // the screener on monthly bars
      await page.goto(`${base}/screener`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=Screener][data-hydrated=true]");
      await page.locator(".rule-editor[data-ready=true]").first().waitFor();
      await page.getByLabel("Bar interval").selectOption("1mo");
      // the default rule (a crossing of sma(20) in the last 10 bars) matches no monthly series of
      // the bundled data; this one holds on March 2021 for the four 1998–2021 LEAN symbols only
      // (split-adjusted monthly closes against their 10-month mean: SPY 396.33 > 352.83, QQQ
      // 319.13 > 291.67, AAPL 122.15 > 117.83, GOOGL 2062.52 > 1703.61; SPX 2874.56 < 2993.18 in
      // April 2020, MSFT 49.96 < 60.13 in September 2001; the 2017 symbols have 7 months)
      const box = page.getByRole("textbox", { name: "Rule", exact: true });
      await box.click();
      await page.keyboard.press("ControlOrMeta+a");
      await page.keyboard.press("Delete");
      await page.keyboard.type("close > sma(10)");
      const screened = page.waitForRequest((r) => r.url().endsWith("/api/screens"));
      await page.getByRole("button", { name: "Run screen" }).click();
      assert.equal((await screened).postDataJSON().interval, "1mo");
      await page.locator(".screen-table tbody tr").first().waitFor();
      const matched = await page.locator(".screen-table tbody th").allInnerTexts();
      assert.deepEqual(matched.map((x) => x.trim()).sort(), ["AAPL", "GOOGL", "QQQ", "SPY"]);
      assert.deepEqual(problems, []);
    });
  },
});
