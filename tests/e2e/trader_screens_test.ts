/**
 * Browser tests of issue 19's trader-grade screens: the symbol chart is readable (one pattern
 * drawn by default, signals as shapes with their names in the legend, indicator panes that
 * grow the chart, human series names with values in the legend) and the paper order ticket is
 * safe (the position, price at the clock, cost with commission; a sell above the position is
 * refused unless the trader ticks "open a short"; the symbol is carried from the symbol page).
 */
import assert from "node:assert/strict";
import { browserSession } from "./_stack.ts";

Deno.test({
  name: "e2e trader screens - readable chart, safe paper ticket",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-trader", {}, async ({ page, problems, stack }) => {
      const base = stack.web.url;
      await page.setViewportSize({ width: 1440, height: 900 });

      // Chart: by default one pattern (the latest confirmed) and no marker text.
      await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      await page.waitForSelector(".chart-box[data-status=ready]");
      const drawn = await page.locator("[data-testid=drawn-patterns]").innerText();
      assert.equal(drawn.split(" · ").length, 1, `one pattern drawn: ${drawn}`);
      assert.ok(await page.locator("input[name=ov-signals]").isChecked());
      assert.equal(await page.locator("input[name=ov-levels]").isChecked(), false);
      // signal names live in the legend: the last bar (Mar 31, 2021) closes above its MA10
      // (close 122.15 > SMA10 121.18 after 119.90 < 121.44 on Mar 30, from lean/AAPL.csv)
      assert.match(
        await page.locator("[data-field=signal]").first().innerText(),
        /Close above MA10/,
      );
      // the toggle is kept in the URL
      await page.locator("input[name=ov-all]").check();
      assert.match(page.url(), /overlays=patterns-all%2Csignals|overlays=patterns-all,signals/);
      assert.ok(
        (await page.locator("[data-testid=drawn-patterns]").innerText()).split(" · ").length > 1,
      );
      await page.locator("input[name=ov-all]").uncheck();
      // indicator panes keep a minimum height: the chart grows, names are human
      const before = (await page.locator(".chart-canvas").boundingBox())!.height;
      await page.locator("input[name='ind-rsi']").check();
      await page.locator("[data-field=indicator][data-label='RSI (14)']").waitFor();
      await page.locator("input[name='ind-macd']").check();
      await page.locator("[data-field=indicator][data-label='MACD histogram']").waitFor();
      const after = (await page.locator(".chart-canvas").boundingBox())!.height;
      assert.ok(after >= before + 2 * 120, `chart grew from ${before} to ${after}`);
      const table = await page.locator("table.data").first().innerText();
      assert.doesNotMatch(
        table,
        /^(sma(_\d+)?|ema(_\d+)?|rsi|signal|histogram|upper|middle|lower)\t/m,
      );
      // Wilder's RSI(14) of the split-adjusted closes on Mar 31, 2021 is 47.73: between 40 and 60
      assert.match(table, /RSI \(14\)\t47\.73\tneutral/);
      // support/resistance of the chart's first year, not of 1998–2021: every level listed lies
      // within the last year's range (split-adjusted low 59.225 on 2020-04-02, high 146.25 on
      // 2021-01-25); the whole history's strongest levels are 19–53
      const levels = await page.locator('a[href^="/alerts?symbol=AAPL&price="]').evaluateAll(
        (as) =>
          as.map((a) =>
            Number(new URL(a.getAttribute("href")!, "http://x").searchParams.get("price"))
          ),
      );
      assert.ok(levels.length > 0, "levels are listed");
      assert.ok(levels.every((p) => p >= 59.225 && p <= 146.25), `levels ${levels}`);

      // Phone: the symbol page is no wider than the screen and the chart is ≥ 55% of its height
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      await page.waitForSelector(".chart-box[data-status=ready]");
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 390, `symbol page is ${wide}px wide on a 390px phone`);
      const h = (await page.locator(".chart-canvas").boundingBox())!.height;
      assert.ok(h >= 0.55 * 844, `chart ${h}px tall on an 844px phone`);
      await page.setViewportSize({ width: 1440, height: 900 });

      // Paper trade from the symbol page opens the ticket on that symbol (after signing up).
      await page.request.post(`${base}/api/auth/register`, {
        data: { email: "e2e-ticket@example.com", password: "ticket pass 123" },
      });
      await page.goto(`${base}/symbol/NVDA`, { waitUntil: "networkidle" });
      await page.waitForSelector(".chart-box[data-status=ready]");
      await page.getByRole("link", { name: "Paper trade" }).click();
      await page.waitForSelector("[data-island=PaperDesk][data-hydrated=true]");
      await page.getByRole("button", { name: "Open account" }).click();
      await page.locator("[data-testid=ticket-facts]").waitFor();
      assert.equal(await page.getByLabel("Symbol").inputValue(), "NVDA");
      const account = await (await page.request.get(`${base}/api/paper/accounts`)).json();
      const acc = account.accounts[0];
      assert.ok(acc.costs.fee_bps > 0, "commission defaults to the backtest default");

      // Buy 100 AAPL and replay a day: the ticket shows the position.
      await page.getByLabel("Symbol").selectOption("AAPL");
      await page.getByLabel("Quantity").fill("100");
      await page.getByRole("button", { name: /Place order/ }).click();
      await page.locator("[data-testid=open-orders] tbody tr").waitFor();
      await page.getByRole("button", { name: "Replay 1 day" }).click();
      await page.locator("[data-testid=positions] tr[data-symbol=AAPL]").waitFor();
      const facts = page.locator("[data-testid=ticket-facts]");
      // the ticket loads the position and the last price after the replay: wait for them
      await facts.locator("[data-field=position]", { hasText: "Long 100" }).waitFor();
      await facts.locator('[data-field=last]:not([data-value=""])').waitFor();
      await facts.locator('[data-field=fee]:not([data-value=""])').waitFor();
      assert.equal(await facts.locator("[data-field=position]").innerText(), "Long 100");
      assert.ok(Number(await facts.locator("[data-field=last]").getAttribute("data-value")) > 0);
      assert.ok(Number(await facts.locator("[data-field=fee]").getAttribute("data-value")) > 0);

      // Sell 500 while long 100: warned, refused until the short is chosen on purpose.
      await page.getByText("Sell", { exact: true }).click();
      await page.getByLabel("Quantity").fill("500");
      await page.locator("[data-testid=short-warning]").waitFor();
      assert.match(
        await page.locator("[data-testid=short-warning]").innerText(),
        /short position of 400/,
      );
      assert.ok(await page.locator("[data-testid=place-order]").isDisabled());
      const api = await page.request.post(`${base}/api/paper/accounts/${acc.id}/orders`, {
        data: { client_order_id: "e2e-naked", symbol: "AAPL", side: "sell", qty: 500 },
      });
      assert.equal(api.status(), 422);
      problems.splice(0); // that refusal is expected
      await page.getByLabel("Open a short position on purpose").check();
      await page.locator("[data-testid=place-order]").click();
      await page.getByText("Order placed: Sell 500 AAPL.").waitFor();
      const orders = await (await page.request.get(`${base}/api/paper/accounts/${acc.id}/orders`))
        .json();
      const sell = orders.orders.find((o: { side: string }) => o.side === "sell");
      assert.equal(sell.allow_short, true);
      assert.deepEqual(problems, [], "no console errors and no failed requests");
    });
  },
});
