/**
 * Browser tests of the backtest lab: run a backtest and read its metrics and trades (checked
 * against core's own answer), then an optimisation with live progress and a heat-map; strategies
 * the optimiser cannot evaluate are not offered to it.
 */
import assert from "node:assert/strict";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

Deno.test({
  name: "e2e backtest lab - run a backtest (metrics, trades, charts), optimise with progress",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-lab", {}, async ({ page, problems, stack }) => {
      const { web, core } = stack;
      await page.goto(`${web.url}/backtest?symbol=AAPL&strategy=sma_cross`, {
        waitUntil: "networkidle",
      });
      await page.waitForSelector("[data-island=BacktestLab][data-hydrated=true]");
      assert.equal(await page.getByLabel("Symbol").inputValue(), "AAPL");
      const run = page.locator("#panel-run");
      await run.getByLabel("fast").fill("20");
      await run.getByLabel("slow").fill("100");
      await page.getByRole("button", { name: "Run backtest" }).click();
      const result = page.locator("[data-testid=bt-result]");
      await result.waitFor();
      await page.waitForSelector(".bt-result .chart-box[data-status=ready]");

      // The page shows what core computes for the same request.
      const id = await result.getAttribute("data-id");
      const stored = await (await fetch(`${core.url}/api/backtests/${id}`)).json();
      assert.deepEqual(stored.params, { fast: 20, slow: 100 });
      assert.equal(stored.strategy, "sma_cross");
      const trades = await page.locator("[data-testid=trades] tbody tr").count();
      assert.equal(trades, Math.min(50, stored.trades.length));
      assert.ok(stored.trades.length > 0, "the strategy traded");
      const sharpe = await page.locator("[data-testid=metrics] tr[data-metric=sharpe] td")
        .first().innerText();
      assert.equal(sharpe, stored.metrics.sharpe.toFixed(2));
      const count = await page.locator("[data-testid=metrics] tr[data-metric=trade_count] td")
        .first().innerText();
      assert.equal(Number(count), stored.metrics.trade_count);
      assert.ok(await page.locator(".bt-price canvas").count() > 0, "price chart drawn");
      await page.screenshot({ path: `${SHOTS}backtest.png`, fullPage: true });

      // A parameter outside its schema bounds is refused in the form, naming the field.
      await run.getByLabel("fast").fill("1");
      await page.getByRole("button", { name: "Run backtest" }).click();
      await page.waitForSelector("#bt-p-fast[aria-invalid=true]");

      // Optimisation: a small grid, live progress, heat-map, best rows.
      await page.getByRole("tab", { name: "Optimise" }).click();
      const opt = page.locator("#panel-optimise");
      await opt.getByLabel("fast").fill("5, 10, 20");
      await opt.getByLabel("slow").fill("50, 100");
      await page.getByRole("button", { name: "Start optimisation" }).click();
      await page.locator("[data-testid=opt-result]").waitFor({ timeout: 60_000 });
      assert.equal(await page.locator("[data-testid=heatmap] tbody tr").count(), 2);
      assert.ok(await page.locator("[data-testid=opt-top] tbody tr").count() >= 1);
      await page.screenshot({ path: `${SHOTS}optimise.png`, fullPage: true });
      await page.getByRole("button", { name: "Backtest these" }).first().click();
      assert.equal(
        await page.getByRole("tab", { name: "Backtest" }).getAttribute("aria-selected"),
        "true",
      );

      // A strategy the optimiser cannot evaluate (exit levels) is not offered for a grid search.
      await page.getByRole("tab", { name: "Optimise" }).click();
      const breakout = page.locator("#bt-strategy option[value=pattern_breakout]");
      assert.equal(await breakout.isDisabled(), true, "disabled while optimising");
      assert.match(await breakout.innerText(), /\(backtest only\)$/);
      await page.getByRole("tab", { name: "Backtest" }).click();
      assert.equal(await breakout.isDisabled(), false, "offered for a single backtest");
      await page.getByLabel("Strategy").selectOption("pattern_breakout");
      await page.getByRole("tab", { name: "Optimise" }).click();
      assert.match(
        await page.getByTestId("opt-not-optimisable").innerText(),
        /stop-loss and take-profit/,
      );
      assert.equal(await page.getByRole("button", { name: "Start optimisation" }).count(), 0);

      assert.deepEqual(problems, [], "no console errors and no failed requests");
    });
  },
});
