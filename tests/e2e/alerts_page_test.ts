/**
 * The alerts page in a browser, on real core and web processes: signed out it asks to sign in;
 * signed in, "Create alert" on the symbol page opens the form with the symbol and its last
 * close; the alert is listed and paused (and stays paused after a reload); a webhook is added
 * and its signing secret is shown once only; a second alert sending to that webhook fires on a
 * bar written by another process, its history shows the delivery that failed (nothing listens
 * on the port) with a Resend button, and the paused alert did not fire; the webhook's secret is
 * rotated (the new one shown once), an e-mail address is refused in user terms on a server
 * without SMTP, an unknown confirmation link says so, and one alert beyond the plan's limit is
 * refused with its numbers. Screenshots of the
 * history: desktop and phone, en and zh-TW, into tests/e2e/screenshots/alerts/.
 *
 * @module
 */
import assert from "node:assert/strict";
import { launchBrowser, recordProblems } from "./_browser.ts";
import { startStack } from "./_stack.ts";
import { openSqlite } from "../../core/db/sqlite.ts";
import { MarketRepository } from "../../core/market_data/repository.ts";

const SHOTS = new URL("./screenshots/alerts/", import.meta.url).pathname;
/** Nothing listens here: deliveries fail and, after the short retry schedule, are dead. */
const HOOK = "http://127.0.0.1:9/hooks/trading";

Deno.test({
  name: "alerts page - create from the symbol page, list, pause, webhook secret once, history",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await Deno.mkdir(SHOTS, { recursive: true });
    const stack = await startStack("alerts-page", {
      coreEnv: {
        ALERTS_POLL_MS: "200",
        ALERTS_MAX_ACTIVE_FREE: "2",
        ALLOW_PRIVATE_WEBHOOKS: "true",
        WEBHOOK_RETRY_SCHEDULE_S: "0.2",
        WEBHOOK_TIMEOUT_MS: "1000",
      },
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.ctx.newPage();
      const problems = recordProblems(page);
      const base = stack.web.url;
      const island = page.locator("[data-island=Alerts][data-hydrated=true]");

      // signed out: a sign-in prompt that comes back here
      await page.goto(`${base}/alerts?symbol=AAPL`);
      assert.match(await page.locator("main").innerText(), /Sign in to create alerts/);
      const signIn = await page.getByRole("link", { name: "Sign in" }).last().getAttribute("href");
      assert.equal(signIn, `/account?next=${encodeURIComponent("/alerts?symbol=AAPL")}`);

      const reg = await page.request.post(base + "/api/auth/register", {
        data: { email: "alerts@example.com", password: "alerts pass 12345" },
        headers: { "content-type": "application/json" },
      });
      assert.equal(reg.status(), 201, await reg.text());

      // from the symbol page: the form carries the symbol and its last close
      const quote = await (await fetch(`${stack.core.url}/api/symbols/AAPL/quote`)).json();
      await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      await page.getByRole("link", { name: "Create alert" }).first().click();
      await page.waitForURL(/\/alerts\?symbol=AAPL/);
      await island.waitFor();
      assert.equal(await page.getByLabel("Symbol", { exact: true }).inputValue(), "AAPL");
      const level = page.getByLabel("Price level");
      assert.equal(Number(await level.inputValue()), Number(quote.close.toFixed(2)));
      assert.match(await page.locator(".alert-form").innerText(), /Last close/);

      // a bad level is refused in the form, in words, before any request
      await level.fill("0");
      await page.getByRole("button", { name: "Create alert" }).click();
      assert.equal(await page.locator("#alert-level-err").innerText(), "Enter a price above 0.");
      await level.fill("130");
      await page.getByLabel("Direction").selectOption("up");
      await page.getByRole("button", { name: "Create alert" }).click();
      const first = page.locator(".alert-card").filter({ hasText: "AAPL: Crosses above 130.00" });
      await first.waitFor();
      assert.match(await first.innerText(), /AAPL: Crosses above 130\.00[\s\S]*Active/);
      // the count comes from core once the list is refreshed
      await page.getByTestId("alerts-usage").filter({ hasText: /^1 of 2 active/ }).waitFor();

      // pause: the state changes and stays after a reload
      await first.getByRole("button", { name: "Pause" }).click();
      await first.getByRole("button", { name: "Resume" }).waitFor();
      assert.equal(await first.getAttribute("data-status"), "paused");
      await page.reload();
      await island.waitFor();
      assert.equal(await first.locator(".badge").innerText(), "Paused");
      assert.match(await page.getByTestId("alerts-usage").innerText(), /^0 of 2 active/);

      // edit: a quiet time, kept by core
      await first.getByRole("button", { name: "Edit" }).click();
      await first.getByLabel("Quiet time").selectOption({ label: "1 hour" });
      await first.getByRole("button", { name: "Save" }).click();
      await first.getByText(/quiet 1 h/).waitFor();
      assert.equal(await first.locator(".alert-edit").count(), 0, "the edit form closes");

      // a webhook: its secret is shown once, then never again
      await page.getByLabel("Webhook URL").fill("not a url");
      await page.getByRole("button", { name: "Add webhook" }).click();
      assert.match(await page.locator("#endpoint-url-err").innerText(), /public http\(s\) address/);
      await page.getByLabel("Webhook URL").fill(HOOK);
      await page.getByRole("button", { name: "Add webhook" }).click();
      const secret = await page.getByTestId("webhook-secret").inputValue();
      assert.match(secret, /^whsec_[A-Za-z0-9+/=]{20,}$/);
      assert.match(await page.locator(".secret-once").innerText(), /shown this once only/);
      await page.getByRole("button", { name: "Copy" }).click();
      await page.locator(".secret-once [role=status]").filter({ hasText: /\S/ }).waitFor();
      await page.getByRole("button", { name: "I have stored it" }).click();
      assert.equal(await page.getByTestId("webhook-secret").count(), 0);
      await page.reload();
      await island.waitFor();
      assert.ok(!(await page.content()).includes(secret), "the secret is not shown again");
      assert.match(await page.locator(".endpoint-list").innerText(), /127\.0\.0\.1:9[\s\S]*Active/);

      // rotation: a new secret, shown once, the previous one signing beside it for a while
      await page.getByRole("button", { name: "Rotate secret" }).click();
      await page.getByRole("group", { name: "Make a new signing secret?" })
        .getByRole("button", { name: "Yes" }).click();
      const rotated = await page.getByTestId("webhook-secret").inputValue();
      assert.match(rotated, /^whsec_/);
      assert.notEqual(rotated, secret);
      assert.match(await page.locator(".secret-once").innerText(), /previous secret keeps signing/);
      await page.getByRole("button", { name: "I have stored it" }).click();
      assert.match(await page.locator(".endpoint-list").innerText(), /previous secret also signs/);

      // e-mail: this server has no SMTP_URL, and the page says so in user terms
      await page.getByLabel("Kind").selectOption("email");
      await page.getByLabel("E-mail address").fill("me@example.com");
      await page.getByRole("button", { name: "Add e-mail" }).click();
      await page.getByText("E-mail is not set up on this server: use a webhook.").waitFor();

      // a rule, with the screener's editor: core's diagnostic shows under it, at its position
      await page.getByLabel("Condition").selectOption("rule");
      await page.locator(".rule-editor[data-ready=true]").waitFor();
      await page.getByRole("textbox", { name: "Rule", exact: true }).click();
      await page.keyboard.type("rsi(14 crosses_above 30");
      await page.getByRole("button", { name: "Create alert" }).click();
      await page.locator("#alert-rule-note.field-error").waitFor();
      assert.match(await page.locator("#alert-rule-note").innerText(), /^1:\d+ \S/);
      await page.getByLabel("Condition").selectOption("price");

      // a second alert sends to the webhook; a new bar (written by this process) fires it
      await page.getByLabel("Price level").fill("130");
      await page.getByLabel("Direction").selectOption("up");
      await page.getByLabel("Name (optional)").fill("AAPL breakout");
      await page.getByLabel(HOOK).check();
      await page.getByRole("button", { name: "Create alert" }).click();
      const second = page.locator(".alert-card").filter({ hasText: "AAPL breakout" });
      await second.waitFor();
      assert.match(await second.innerText(), /other destinations: 1/);
      await page.waitForTimeout(800); // core's engine has its watermarks
      const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
      await new MarketRepository(db).importBars(
        { symbol: "AAPL", name: "Apple Inc.", market: "US", currency: "USD", source: "test" },
        // the day after AAPL's last bundled bar (2021-03-31, close 122.15): a close above 130,
        // which crosses both alerts' level (the paused one must stay silent)
        [{ date: "2021-04-01", open: 123.66, high: 131, low: 122.49, close: 130.5, volume: 1e8 }],
        { replace: false },
      );
      await db.close();
      let fired = false;
      for (let i = 0; i < 40 && !fired; i++) {
        await page.waitForTimeout(250);
        const r = await page.request.get(base + "/api/alerts");
        const body = await r.json() as { alerts: { name: string; fired_count: number }[] };
        fired = body.alerts.some((a) => a.name === "AAPL breakout" && a.fired_count > 0);
      }
      assert.ok(fired, "the alert fired");
      // the delivery is retried once (0.2 s) and then dead-lettered
      await page.waitForTimeout(2_000);
      await page.reload();
      await island.waitFor();
      assert.match(await second.innerText(), /fired 1×/);
      assert.match(await first.innerText(), /not fired yet/, "a paused alert does not fire");
      await second.getByRole("button", { name: "History" }).click();
      const delivery = second.locator("[data-delivery]");
      await delivery.waitFor();
      assert.equal(await delivery.getAttribute("data-status"), "dead");
      const text = await second.locator(".alert-history").innerText();
      assert.match(text, /AAPL[\s\S]*bar Apr 1, 2021[\s\S]*Failed[\s\S]*127\.0\.0\.1:9/);
      assert.match(text, /attempts: 2 · no answer/);
      await delivery.getByRole("button", { name: "Resend" }).click();
      await delivery.getByText("Queued to send again.").waitFor();

      // the plan's limit (2 active alerts here) is told in user terms, with its numbers
      await first.getByRole("button", { name: "Resume" }).click();
      await first.getByRole("button", { name: "Pause" }).waitFor();
      await page.getByTestId("alerts-usage").filter({ hasText: /^2 of 2 active/ }).waitFor();
      await page.getByLabel("Price level").fill("250");
      await page.getByRole("button", { name: "Create alert" }).click();
      await page.getByText(
        "You have 2 active alerts, the most your plan allows (2). Pause or delete one first.",
      ).waitFor();

      // a confirmation link that is unknown (or used, or expired) says so
      await page.goto(`${base}/alerts/confirm?token=not_a_real_token_123`);
      await page.locator("[data-island=ConfirmEmail][data-hydrated=true]").waitFor();
      await page.getByRole("button", { name: "Confirm my address" }).click();
      await page.getByText(/This link is unknown, already used or expired/).waitFor();

      for (
        const [vp, size] of Object.entries({
          desktop: { width: 1440, height: 900 },
          phone: { width: 390, height: 844 },
        })
      ) {
        await page.setViewportSize(size);
        for (const lang of ["en", "zh-TW"]) {
          await page.goto(`${base}/prefs/lang/${lang}?next=/alerts`, { waitUntil: "networkidle" });
          await island.waitFor();
          await second.locator("button[data-action=history]").click();
          await second.locator("[data-delivery]").waitFor();
          await second.scrollIntoViewIfNeeded();
          await page.screenshot({ path: `${SHOTS}history-${vp}-${lang}.png`, fullPage: true });
          const wide = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(wide <= size.width, `${vp} ${lang}: page ${wide} px wide`);
        }
      }
      // the refusals the test asked for: e-mail without SMTP (503), the unknown link (404), the
      // rule with a syntax error (422), one alert beyond the plan's limit (429)
      const expected = [
        /HTTP 503: .*\/api\/notify\/endpoints$/,
        /HTTP 404: .*\/confirm$/,
        /HTTP 422: .*\/api\/alerts$/,
        /HTTP 429: .*\/api\/alerts$/,
      ];
      const unexpected = problems.filter((p) =>
        !expected.some((re) => re.test(p)) && !/^console: Failed to load resource/.test(p)
      );
      assert.deepEqual(unexpected, []);
    } finally {
      await browser.close();
      await stack.stop();
    }
  },
});
