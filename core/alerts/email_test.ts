// E-mail endpoints end to end: a local SMTP server (smtp-server) receives the mails, mailparser
// parses them. Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";
import { AlertEngine } from "./engine.ts";
import { DELIVER_TASK } from "./fire.ts";
import { deliveryHandler } from "./deliver.ts";
import { CONFIRM_EMAIL_TASK, confirmationHandler } from "./email_endpoints.ts";
import { deliveryOptionsOf, mailerOf } from "./start.ts";
import { alertsApp, appendBar, call } from "./test_kit.ts";

const until = async (ok: () => boolean | Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** An SMTP server on 127.0.0.1 keeping every parsed message. */
async function smtpSink() {
  const mails: ParsedMail[] = [];
  /** Messages to refuse with 451 (try again later) before accepting. */
  const sink = { refuse: 0, refused: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, _session, done) {
      simpleParser(stream, { keepCidLinks: true }).then(
        (m) => {
          if (sink.refused < sink.refuse) {
            sink.refused++;
            return done(Object.assign(new Error("mailbox busy, try later"), { responseCode: 451 }));
          }
          mails.push(m);
          done();
        },
        (e) => done(e),
      );
    },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    sink,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** A stand-in chart service answering a small PNG. */
function chartStub() {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
  const paths: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, (req) => {
    paths.push(new URL(req.url).pathname);
    return new Response(png, { headers: { "content-type": "image/png" } });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    png,
    paths,
    close: () => server.shutdown(),
  };
}

async function setup(chartUrl: string) {
  const smtp = await smtpSink();
  const t = await alertsApp({
    SMTP_URL: smtp.url,
    CHART_SERVICE_URL: chartUrl,
    PUBLIC_WEB_URL: "https://app.example",
  });
  const mailer = mailerOf(t.deps)!;
  await t.deps.jobs.start({
    [DELIVER_TASK]: deliveryHandler(t.deps.db, t.deps.jobs, t.deps.logger, {
      ...deliveryOptionsOf(t.deps, mailer),
      schedule: [0.05, 0.05],
    }),
    [CONFIRM_EMAIL_TASK]: confirmationHandler(t.deps.db, mailer, t.deps.logger, {
      webUrl: "https://app.example",
    }),
  });
  const engine = new AlertEngine({ ...t.deps, hub: t.deps.notifications });
  await engine.evaluateNewBars();
  const close = async () => {
    await t.deps.jobs.stop();
    mailer.close();
    await smtp.close();
    await t.deps.db.close();
  };
  return { ...t, smtp, engine, close };
}

Deno.test("e-mail endpoint - confirmed by the mailed link (once); only then a firing mails the alert in zh-TW with the chart inline", async () => {
  const chart = chartStub();
  const t = await setup(chart.url);
  const ep = await call(t.app, t.cookie, "POST", "/api/notify/endpoints", {
    kind: "email",
    address: "trader@example.com",
    language: "zh-TW",
  });
  assert.equal(ep.status, 201, JSON.stringify(ep.body));
  assert.equal(ep.body.status, "unconfirmed");
  assert.equal(ep.body.secret, null);
  assert.equal(ep.body.address, "trader@example.com");
  await until(() => t.smtp.mails.length === 1);
  const confirm = t.smtp.mails[0]!;
  assert.equal(confirm.subject, "請確認接收交易警示的電子郵件地址");
  const link = /https:\/\/app\.example\/alerts\/confirm\?token=([A-Za-z0-9_-]+)/.exec(
    confirm.text ?? "",
  );
  assert.ok(link, confirm.text);

  const alert = await call(t.app, t.cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    price: { crosses: "up", level: 200 },
    endpoints: [ep.body.id],
  });
  assert.equal(alert.status, 201, JSON.stringify(alert.body));
  await appendBar(t.deps.market, t.deps, "AAPL", 150);
  await t.engine.evaluateNewBars();
  await appendBar(t.deps.market, t.deps, "AAPL", 201);
  const unconfirmed = await t.engine.evaluateNewBars();
  assert.equal(unconfirmed.fired.length, 1);
  assert.deepEqual(unconfirmed.fired[0]!.deliveries, [], "an unconfirmed address gets nothing");

  const bad = await call(t.app, "", "POST", "/api/notify/endpoints/confirm", { token: "x" });
  assert.equal(bad.status, 422);
  const ok = await call(t.app, "", "POST", "/api/notify/endpoints/confirm", { token: link[1] });
  assert.equal(ok.status, 200, JSON.stringify(ok.body));
  assert.equal(ok.body.status, "active");
  const again = await call(t.app, "", "POST", "/api/notify/endpoints/confirm", { token: link[1] });
  assert.equal(again.status, 404, "a link confirms once");

  await appendBar(t.deps.market, t.deps, "AAPL", 150);
  await t.engine.evaluateNewBars();
  await appendBar(t.deps.market, t.deps, "AAPL", 202);
  const pass = await t.engine.evaluateNewBars();
  assert.equal(pass.fired[0]!.deliveries.length, 1);
  await until(() => t.smtp.mails.length === 2);
  const m = t.smtp.mails[1]!;
  assert.match(m.subject ?? "", /^\[警示\] .* — AAPL$/);
  assert.match(m.text ?? "", /AAPL/);
  assert.match(m.text ?? "", /https:\/\/app\.example\/symbol\/AAPL/);
  assert.match(m.text ?? "", /價格向上穿越 200/);
  assert.match(String(m.html), /src="cid:chart@alerts"/);
  const img = m.attachments.find((a) => a.cid === "chart@alerts");
  assert.ok(img, "the chart is attached inline");
  assert.equal(img.contentType, "image/png");
  assert.equal(img.contentDisposition, "inline");
  assert.deepEqual(new Uint8Array(img.content), chart.png);
  assert.deepEqual(chart.paths, ["/charts/AAPL.png"]);
  assert.equal(m.headers.get("x-alert-delivery-id"), pass.fired[0]!.deliveries[0]);
  const delivery = async () =>
    (await call(t.app, t.cookie, "GET", `/api/alerts/${alert.body.id}/events`)).body.firings[0]
      .deliveries[0];
  await until(async () => (await delivery()).status !== "sending");
  const d = await delivery();
  assert.equal(d.status, "delivered");
  assert.equal(d.attempt_log[0].status_code, 250);
  await t.close();
  await chart.close();
});

Deno.test("e-mail endpoint - the chart service down: the mail goes text-only and says so; no SMTP_URL: 503", async () => {
  const closed = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const deadUrl = `http://127.0.0.1:${(closed.addr as Deno.NetAddr).port}`;
  closed.close();
  const t = await setup(deadUrl);
  const ep = await call(t.app, t.cookie, "POST", "/api/notify/endpoints", {
    kind: "email",
    address: "trader@example.com",
  });
  await until(() => t.smtp.mails.length === 1);
  assert.equal(t.smtp.mails[0]!.subject, "Confirm your e-mail address for trading alerts");
  const token = /token=([A-Za-z0-9_-]+)/.exec(t.smtp.mails[0]!.text ?? "")![1];
  assert.equal(
    (await call(t.app, "", "POST", "/api/notify/endpoints/confirm", { token })).status,
    200,
  );
  await call(t.app, t.cookie, "POST", "/api/alerts", {
    symbol: "MSFT",
    pct_move: { pct: 5, bars: 1, direction: "up" },
    trigger: "once_per_bar_close",
    endpoints: [ep.body.id],
  });
  const last = (await t.deps.series.get("MSFT")).close.at(-1)!;
  await appendBar(t.deps.market, t.deps, "MSFT", last * 1.2);
  assert.equal((await t.engine.evaluateNewBars()).fired.length, 1);
  await until(() => t.smtp.mails.length === 2);
  const m = t.smtp.mails[1]!;
  assert.match(m.subject ?? "", /^\[Alert\] .* — MSFT$/);
  assert.match(m.text ?? "", /could not be reached, so this message has no chart/);
  assert.equal(m.attachments.length, 0);
  await t.close();

  const u = await alertsApp();
  const none = await call(u.app, u.cookie, "POST", "/api/notify/endpoints", {
    kind: "email",
    address: "trader@example.com",
  });
  assert.equal(none.status, 503);
  assert.match(none.body.error.message, /SMTP_URL/);
  const badAddress = await call(u.app, u.cookie, "POST", "/api/notify/endpoints", {
    kind: "email",
    address: "not an address",
  });
  assert.equal(badAddress.status, 422);
  assert.match(JSON.stringify(badAddress.body), /address/);
  await u.deps.db.close();
});

Deno.test("e-mail endpoint - an SMTP server answering 451 twice: the same outbox retries deliver one mail, the attempts logged 451, 451, 250; rotate is a 422", async () => {
  const chart = chartStub();
  const t = await setup(chart.url);
  const ep = await call(t.app, t.cookie, "POST", "/api/notify/endpoints", {
    kind: "email",
    address: "trader@example.com",
  });
  await until(() => t.smtp.mails.length === 1);
  const token = /token=([A-Za-z0-9_-]+)/.exec(t.smtp.mails[0]!.text ?? "")![1];
  await call(t.app, "", "POST", "/api/notify/endpoints/confirm", { token });
  const rotate = await call(t.app, t.cookie, "POST", `/api/notify/endpoints/${ep.body.id}/rotate`);
  assert.equal(rotate.status, 422);
  const alert = await call(t.app, t.cookie, "POST", "/api/alerts", {
    symbol: "AAPL",
    price: { crosses: "up", level: 200 },
    endpoints: [ep.body.id],
  });
  t.smtp.sink.refuse = 2;
  await appendBar(t.deps.market, t.deps, "AAPL", 150);
  await t.engine.evaluateNewBars();
  await appendBar(t.deps.market, t.deps, "AAPL", 201);
  assert.equal((await t.engine.evaluateNewBars()).fired.length, 1);
  const delivery = async () =>
    (await call(t.app, t.cookie, "GET", `/api/alerts/${alert.body.id}/events`)).body.firings[0]
      .deliveries[0];
  await until(async () => (await delivery()).status === "delivered");
  assert.equal(t.smtp.mails.length, 2, "one alert mail after the refusals");
  const d = await delivery();
  assert.deepEqual(d.attempt_log.map((a: { status_code: number }) => a.status_code), [
    451,
    451,
    250,
  ]);
  assert.match(d.attempt_log[0].error, /mailbox busy/);
  await t.close();
  await chart.close();
});
