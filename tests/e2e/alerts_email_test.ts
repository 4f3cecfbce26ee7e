/**
 * An e-mail address as an alert destination, in a browser on real core and web processes with
 * a local SMTP server (npm smtp-server, messages parsed with mailparser): the address is added
 * on the alerts page and listed "Not confirmed"; the confirmation mail arrives with its link to
 * web's /alerts/confirm; opening the link confirms nothing until the button is pressed; then the
 * address is active on the alerts page, and the used link says it is spent.
 *
 * @module
 */
import assert from "node:assert/strict";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { launchBrowser, recordProblems } from "./_browser.ts";
import { startStack } from "./_stack.ts";
import { freePort } from "../helpers/services.ts";

/** An SMTP server on 127.0.0.1 keeping every parsed message. */
async function smtpSink() {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream).then((m) => [mails.push(m), done()], (e) => done(e));
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

Deno.test({
  name: "alerts page - an e-mail address is added, confirmed by the mailed link, then active",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const smtp = await smtpSink();
    const webPort = freePort();
    const stack = await startStack("alerts-email", {
      webPort,
      coreEnv: { SMTP_URL: smtp.url, PUBLIC_WEB_URL: `http://127.0.0.1:${webPort}` },
    });
    const browser = await launchBrowser();
    try {
      const page = await browser.ctx.newPage();
      const problems = recordProblems(page);
      const base = stack.web.url;
      await page.goto(base + "/");
      const reg = await page.request.post(base + "/api/auth/register", {
        data: { email: "mail@example.com", password: "mail pass 123456" },
        headers: { "content-type": "application/json" },
      });
      assert.equal(reg.status(), 201, await reg.text());

      await page.goto(`${base}/prefs/lang/zh-TW?next=/alerts`);
      await page.locator("[data-island=Alerts][data-hydrated=true]").waitFor();
      await page.getByLabel("類型").selectOption("email");
      await page.getByLabel("電子郵件地址").fill("trader@example.com");
      await page.getByLabel("郵件語言").selectOption("zh-TW");
      await page.getByRole("button", { name: "新增電子郵件" }).click();
      await page.getByText("已寄送確認連結到 trader@example.com").waitFor();
      const row = page.locator("[data-kind=email]");
      assert.equal(await row.getAttribute("data-status"), "unconfirmed");
      assert.match(await row.innerText(), /trader@example\.com[\s\S]*尚未確認/);
      assert.doesNotMatch(await row.innerText(), /mailto:/);

      for (let i = 0; i < 80 && smtp.mails.length === 0; i++) await page.waitForTimeout(100);
      const mail = smtp.mails[0];
      assert.ok(mail, "the confirmation mail arrived");
      assert.equal((mail.to as { text: string }).text, "trader@example.com");
      const link = /https?:\/\/\S+\/alerts\/confirm\?token=[\w-]+/.exec(mail.text ?? "")?.[0] ?? "";
      assert.ok(link.startsWith(`${base}/alerts/confirm?token=`), `link in the mail: ${link}`);

      // opening the link confirms nothing (a mail scanner would); the button does
      await page.goto(link);
      await page.locator("[data-island=ConfirmEmail][data-hydrated=true]").waitFor();
      const listed = await page.request.get(base + "/api/notify/endpoints");
      const before = (await listed.json()).endpoints[0];
      assert.equal(before.status, "unconfirmed");
      await page.getByRole("button", { name: "確認我的地址" }).click();
      assert.equal(
        await page.getByTestId("confirm-done").innerText(),
        "已確認：trader@example.com 將會收到你的警示。",
      );
      await page.getByRole("link", { name: "前往我的警示" }).click();
      await page.locator("[data-island=Alerts][data-hydrated=true]").waitFor();
      assert.equal(await row.getAttribute("data-status"), "active");
      // the address can now be chosen for an alert
      assert.equal(await page.getByLabel("trader@example.com").count(), 1);

      // the link works once
      await page.goto(link);
      await page.locator("[data-island=ConfirmEmail][data-hydrated=true]").waitFor();
      await page.getByRole("button", { name: "確認我的地址" }).click();
      await page.getByText(/此連結不存在、已使用或已過期/).waitFor();
      const unexpected = problems.filter((p) =>
        !/HTTP 404: .*\/confirm$/.test(p) && !/^console: Failed to load resource/.test(p)
      );
      assert.deepEqual(unexpected, []);
    } finally {
      await browser.close();
      await stack.stop();
      await smtp.close();
    }
  },
});
