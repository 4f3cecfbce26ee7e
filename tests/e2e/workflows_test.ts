/**
 * Browser tests of the signed-in workflows: register with e-mail, quota and API tokens on the
 * account page, paper trading (place, cancel, replay to a fill, position, risk limits and kill
 * switch), the admin page
 * (mint a code) and redeeming it, the AI panel filled by the rule-based analyst, changing the
 * password (which revokes the API token), signing out and back in with the new password.
 * Google sign-in has its own test (google_signin_test.ts).
 */
import assert from "node:assert/strict";
import { SHOTS } from "./_browser.ts";
import { browserSession } from "./_stack.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const EMAIL = "e2e-trader@example.com";
const PASSWORD = "correct horse battery";
const NEW_PASSWORD = "battery staple horse";

async function makeAdmin(dbUrl: string, email: string): Promise<void> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "admin:create", "--email", email],
    cwd: ROOT,
    env: { DATABASE_URL: dbUrl },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!out.success) throw new Error(`admin:create failed: ${new TextDecoder().decode(out.stderr)}`);
}

Deno.test({
  name: "e2e workflows - register, tokens, paper orders, admin codes, redeem, AI panel, password",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    await browserSession("e2e-flows", {}, async ({ page, problems, stack }) => {
      const { web } = stack;
      // Signed out: paper trading asks to sign in (no error page), the account page offers forms.
      await page.goto(`${web.url}/paper`, { waitUntil: "networkidle" });
      await page.getByRole("link", { name: "Sign in" }).last().click();
      await page.waitForSelector("[data-island=SignIn][data-hydrated=true]");
      assert.equal(await page.locator("[data-testid=google-signin]").count(), 0, "no Google");

      // A wrong password is refused without a raw error; registering signs in.
      await page.locator("#login-email").fill(EMAIL);
      await page.locator("#login-password").fill("wrong password!");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByText("Wrong e-mail or password.").waitFor();
      problems.splice(0); // the expected 401 of that attempt
      await page.getByRole("tab", { name: "Create account" }).click();
      await page.locator("#register-email").fill(EMAIL);
      await page.locator("#register-password").fill(PASSWORD);
      await page.getByRole("button", { name: "Create account", exact: true }).click();
      await page.waitForURL(`${web.url}/paper`);

      // Paper: open an account, place and cancel a limit order, then a market order that fills.
      await page.waitForSelector("[data-island=PaperDesk][data-hydrated=true]");
      await page.getByRole("button", { name: "Open account" }).click();
      await page.locator("[data-testid=paper-summary]").waitFor();
      await page.getByLabel("Symbol").selectOption("AAPL");
      await page.getByLabel("Order type").selectOption("limit");
      await page.getByLabel("Quantity").fill("5");
      await page.getByLabel("Price", { exact: true }).fill("1");
      await page.getByRole("button", { name: "Place order" }).click();
      await page.locator("[data-testid=open-orders] tbody tr").waitFor();
      await page.getByRole("button", { name: "Cancel order AAPL 5" }).click();
      await page.locator("[data-testid=order-history] tr[data-status=cancelled]").waitFor();
      assert.equal(await page.locator("[data-testid=open-orders]").count(), 0);
      await page.getByLabel("Order type").selectOption("market");
      await page.getByLabel("Quantity").fill("10");
      await page.getByRole("button", { name: "Place order" }).click();
      await page.locator("[data-testid=open-orders] tbody tr").waitFor();
      const clock = await page.locator("[data-field=clock]").getAttribute("data-value");
      await page.getByRole("button", { name: "Replay 1 day" }).click();
      await page.locator("[data-testid=positions] tr[data-symbol=AAPL]").waitFor();
      const after = await page.locator("[data-field=clock]").getAttribute("data-value");
      assert.ok(after! > clock!, `clock moved from ${clock} to ${after}`);
      assert.equal(
        await page.locator("[data-testid=positions] tr[data-symbol=AAPL] td").first().innerText(),
        "10",
      );

      // Risk limits: an order above the max order value is refused with the reason; the kill
      // switch is saved, shown and kept after a reload; both cleared again.
      await page.getByLabel("Max order value").fill("100");
      await page.getByRole("button", { name: "Save risk settings" }).click();
      await page.getByTestId("risk-saved").waitFor();
      await page.getByLabel("Order type").selectOption("market");
      await page.getByLabel("Quantity").fill("3");
      await page.getByRole("button", { name: "Place order" }).click();
      await page.getByText(/Order refused by the risk check: order value .* exceeds/).waitFor();
      await page.locator("[data-testid=order-history] tr[data-status=rejected]").waitFor();
      await page.getByLabel("Kill switch: refuse every new order").check();
      await page.getByRole("button", { name: "Save risk settings" }).click();
      await page.getByTestId("kill-switch-on").waitFor();
      await page.reload({ waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=PaperDesk][data-hydrated=true]");
      assert.equal(await page.getByLabel("Kill switch: refuse every new order").isChecked(), true);
      assert.equal(await page.getByLabel("Max order value").inputValue(), "100");
      await page.screenshot({ path: `${SHOTS}paper.png`, fullPage: true });
      await page.getByLabel("Kill switch: refuse every new order").uncheck();
      await page.getByLabel("Max order value").fill("");
      await page.getByRole("button", { name: "Save risk settings" }).click();
      await page.getByTestId("risk-saved").waitFor();
      assert.equal(await page.getByTestId("kill-switch-on").count(), 0);

      // Account: quota, an API token shown once and usable as a Bearer token.
      await page.goto(`${web.url}/account`, { waitUntil: "networkidle" });
      await page.getByText(`Signed in as ${EMAIL}`).waitFor();
      await page.getByLabel("Token name").fill("e2e script");
      await page.getByRole("button", { name: "Create token" }).click();
      const secret = await page.locator("[data-testid=token-secret]").innerText();
      const me = await fetch(`${web.url}/api/me`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      assert.equal((await me.json()).user.email, EMAIL);
      const credits = await page.locator("[data-testid=quota] [data-field=credits]").innerText();

      // A read-only token for an assistant: the MCP snippet names this site's /mcp and the new
      // token, and an MCP client configured with it sees the read tools but cannot trade.
      await page.getByLabel("Token name").fill("assistant");
      const others = [
        "AI analyses (uses quota)",
        "backtests and optimisations",
        "paper trading",
        "alerts",
        "load symbols",
        "manage tokens and account",
      ];
      for (const name of others) {
        await page.getByRole("checkbox", { name, exact: true }).uncheck();
      }
      await page.getByRole("button", { name: "Create token" }).click();
      await page.locator("[data-testid=token-secret]").filter({ hasNotText: secret }).waitFor();
      const readSecret = await page.locator("[data-testid=token-secret]").innerText();
      const config = JSON.parse(await page.getByTestId("mcp-config").innerText());
      const server = config.mcpServers.trading;
      assert.equal(server.url, `${web.url}/mcp`);
      assert.equal(server.headers.Authorization, `Bearer ${readSecret}`);
      const rpc = async (method: string, params: Record<string, unknown>) => {
        const r = await fetch(server.url, {
          method: "POST",
          headers: {
            ...server.headers,
            "content-type": "application/json",
            accept: "application/json, text/event-stream",
            "mcp-protocol-version": "2025-06-18",
          },
          body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
        });
        assert.equal(r.status, 200, method);
        return (await r.json()).result;
      };
      const tools = (await rpc("tools/list", {})).tools.map((x: { name: string }) => x.name);
      assert.ok(tools.includes("get_quote") && tools.includes("paper_account"), String(tools));
      assert.ok(!tools.includes("place_paper_order") && !tools.includes("analyze_symbol"));
      const refused = await rpc("tools/call", {
        name: "place_paper_order",
        arguments: { symbol: "AAPL", side: "buy", qty: 1, idempotency_key: "e2e-1" },
      });
      assert.equal(refused.isError, true);
      assert.match(refused.content[0].text, /lacks the "paper:trade" scope/);

      // Admin: promote, mint a code on the admin page, redeem it on the account page.
      await makeAdmin(stack.dbUrl, EMAIL);
      await page.goto(`${web.url}/admin`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=AdminPanel][data-hydrated=true]");
      await page.getByLabel("Credits per redemption").fill("7");
      await page.getByRole("button", { name: "Mint" }).click();
      const code = await page.locator("[data-testid=minted] code").first().innerText();
      assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      await page.screenshot({ path: `${SHOTS}admin.png`, fullPage: true });
      await page.goto(`${web.url}/account`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=AccountPanel][data-hydrated=true]");
      await page.getByRole("textbox", { name: "Code" }).fill(code);
      await page.getByRole("button", { name: "Redeem" }).click();
      await page.getByText("7 credits added.").waitFor();
      assert.equal(
        Number(await page.locator("[data-testid=quota] [data-field=credits]").innerText()),
        Number(credits) + 7,
      );
      await page.screenshot({ path: `${SHOTS}account.png`, fullPage: true });

      // The AI panel fills from the rule-based analyst (no OPENAI_API_KEY here).
      await page.goto(`${web.url}/symbol/AAPL`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=AiPanel][data-hydrated=true]");
      await page.getByRole("button", { name: "Analyse" }).click();
      await page.locator(".ai-result[data-source=rules]").waitFor({ timeout: 30_000 });
      assert.equal(await page.getByTestId("ai-source").innerText(), "Rule-based analyst");
      assert.ok(await page.locator(".ai-result .reasons li").count() >= 1);
      await page.screenshot({ path: `${SHOTS}symbol-ai.png`, fullPage: true });

      // Change the password: a wrong current one is tied to its input; the change revokes the
      // API tokens (the page says so and empties the list) and keeps this browser signed in.
      await page.goto(`${web.url}/account`, { waitUntil: "networkidle" });
      await page.waitForSelector("[data-island=AccountPanel][data-hydrated=true]");
      assert.equal(await page.locator("[data-testid=tokens] tbody tr").count(), 2);
      await page.getByLabel("Current password").fill("not my password");
      await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      await page.locator("#pw-current[aria-invalid=true]").waitFor();
      assert.equal(
        await page.locator("#pw-current-err").innerText(),
        "Is not the current password.", // one sentence per field (issue 19, finding 7)
      );
      assert.match(
        await page.locator("#pw-current").getAttribute("aria-describedby") ?? "",
        /pw-current-err/,
      );
      problems.splice(0); // the expected 422 of that attempt
      await page.getByLabel("Current password").fill(PASSWORD);
      await page.getByRole("button", { name: "Change password" }).click();
      assert.match(await page.getByTestId("pw-done").innerText(), /API token was revoked/);
      assert.equal(await page.locator("[data-testid=tokens]").count(), 0, "token list emptied");
      const revoked = await fetch(`${web.url}/api/me`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      await revoked.body?.cancel();
      assert.equal(revoked.status, 401, "the API token no longer works");
      await page.reload({ waitUntil: "networkidle" });
      await page.getByText(`Signed in as ${EMAIL}`).waitFor();

      // Sign out, then sign in again with the new password.
      await page.waitForSelector("[data-island=AccountPanel][data-hydrated=true]");
      await page.getByRole("button", { name: "Sign out" }).click();
      await page.waitForSelector("[data-island=SignIn][data-hydrated=true]");
      await page.locator("#login-email").fill(EMAIL);
      await page.locator("#login-password").fill(NEW_PASSWORD);
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.getByText(`Signed in as ${EMAIL}`).waitFor();
      await page.screenshot({ path: `${SHOTS}account-password.png`, fullPage: true });

      assert.deepEqual(problems, [], "no console errors and no failed requests");
    });
  },
});
