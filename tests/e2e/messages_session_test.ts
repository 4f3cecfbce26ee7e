/**
 * Browser tests of issue 19 finding 7 (messages and session): a refused field says so once, at
 * the field, in the page's language (no raw "Invalid body: password: …"); no internal names or
 * commands reach the pages (environment variables, `deno task`, strategy ids, `params.x`); the
 * header shows who is signed in with a sign-out, and an admin link for admins.
 */
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { openSqlite } from "../../core/db/sqlite.ts";
import { createAdmin } from "../../core/auth/admin_cli.ts";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

const INTERNAL = /OPENAI_API_KEY|no_api_key|deno task|SEED_DATA|sma_cross|params\.|Invalid body/;

async function registerShort(page: Page, base: string, lang: string) {
  await page.goto(`${base}/prefs/lang/${lang}?next=/account`, { waitUntil: "networkidle" });
  await page.waitForSelector("[data-island=SignIn][data-hydrated=true]");
  await page.locator("[role=tab]").nth(1).click();
  await page.locator("#register-email").fill("short@example.com");
  await page.locator("#register-password").fill("short");
  await page.locator("#panel-register button[type=submit]").click();
  await page.waitForSelector("#register-password[aria-invalid=true]");
  const form = page.locator("#panel-register");
  const errors = await form.locator(".field-error").allInnerTexts();
  const alerts = await form.locator("[role=alert]").count();
  return { errors, alerts, text: await form.innerText() };
}

Deno.test({
  name: "e2e messages and session - one translated message per field, no internals, " +
    "signed-in header with sign-out and admin link",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-messages", {}, async ({ page, problems, stack }) => {
      const base = stack.web.url;
      // A short password: one message, at the field, in English then in Chinese.
      const en = await registerShort(page, base, "en");
      assert.deepEqual(en.errors, ["At least 10 characters."]);
      assert.equal(en.alerts, 0, "no second message under the form");
      assert.doesNotMatch(en.text, INTERNAL);
      const zh = await registerShort(page, base, "zh-TW");
      assert.deepEqual(zh.errors, ["至少 10 個字元。"]);
      assert.equal(zh.alerts, 0);
      problems.length = 0; // the two 422 answers were expected

      // Signed out: the header offers to sign in.
      await page.goto(`${base}/prefs/lang/en?next=/`, { waitUntil: "networkidle" });
      assert.equal(await page.getByTestId("header-session").count(), 0);
      await page.getByTestId("header-signin").first().waitFor();

      // Sign up: the header names the account, with a sign-out; no admin link for a user.
      await page.goto(`${base}/account`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=SignIn][data-hydrated=true]");
      await page.locator("[role=tab]").nth(1).click();
      await page.locator("#register-email").fill("trader@example.com");
      await page.locator("#register-password").fill("a long pass 123");
      await page.locator("#panel-register button[type=submit]").click();
      await page.waitForSelector("[data-island=AccountPanel]");
      await page.goto(`${base}/`, { waitUntil: "networkidle" });
      const session = page.locator(".prefs-wide [data-testid=header-session]");
      assert.match(await session.locator("summary").innerText(), /trader@example\.com/);
      await session.locator("summary").click();
      assert.ok(await session.getByRole("button", { name: "Sign out" }).isVisible());
      assert.equal(await session.getByTestId("header-admin").count(), 0);
      await page.screenshot({ path: `${SHOTS}header-signed-in.png` });

      // An admin also gets the admin link.
      const db = await openSqlite(stack.dbUrl.slice("sqlite:///".length));
      try {
        await createAdmin(db, { email: "trader@example.com", now: Date.now() });
      } finally {
        await db.close();
      }
      await page.reload({ waitUntil: "networkidle" });
      await session.locator("summary").click();
      await session.getByTestId("header-admin").click();
      await page.waitForURL(`${base}/admin`);

      // No internal names or commands: the AI panel's fallback, a symbol without data.
      await page.goto(`${base}/symbol/AAPL`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=AiPanel][data-hydrated=true]");
      await page.getByRole("button", { name: "Analyse" }).click();
      await page.locator(".ai-result[data-source=rules]").waitFor({ timeout: 30_000 });
      assert.match(await page.getByTestId("ai-fallback").innerText(), /No AI model is set up/);
      assert.doesNotMatch(await page.locator("main").innerText(), INTERNAL);
      await page.goto(`${base}/symbol/ZZZZ`, { waitUntil: "networkidle" });
      assert.doesNotMatch(await page.locator("main").innerText(), INTERNAL);
      problems.length = 0; // the unknown symbol's 404s were expected

      // Sign out from the header: back home, signed out.
      await page.goto(`${base}/`, { waitUntil: "networkidle" });
      await session.locator("summary").click();
      await session.getByRole("button", { name: "Sign out" }).click();
      await page.waitForURL(`${base}/`);
      await page.getByTestId("header-signin").first().waitFor();
      assert.equal(await page.getByTestId("header-session").count(), 0);
      const me = await page.request.get(`${base}/api/me`);
      assert.equal(me.status(), 401, "the session is revoked");
      assert.deepEqual(problems, [], "no console errors and no failed requests");
    });
  },
});
