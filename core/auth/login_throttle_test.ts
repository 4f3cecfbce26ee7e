import assert from "node:assert/strict";
import { memoryDb } from "./test_db.ts";
import { claimLoginAttempt, LOGIN_THROTTLE, loginSucceeded } from "./login_throttle.ts";

const now = Date.UTC(2024, 0, 1, 12, 0, 0);

Deno.test("claimLoginAttempt() - per (account, IP), per IP and a higher per-account cap; refusals do not feed the cap", async () => {
  const db = await memoryDb();
  const claim = (email: string, ip: string) => claimLoginAttempt(db, { email, ip, now });
  // One address: 5 attempts on the account, then refused — however often it keeps trying.
  for (let i = 0; i < LOGIN_THROTTLE.perAccountIp; i++) {
    assert.ok((await claim("v@example.com", "10.0.0.1")).ok);
  }
  for (let i = 0; i < 30; i++) assert.equal((await claim("v@example.com", "10.0.0.1")).ok, false);
  // … which left the account's global count at 5, not 35: other addresses still get in.
  for (let ip = 2; ip <= LOGIN_THROTTLE.perAccount / LOGIN_THROTTLE.perAccountIp; ip++) {
    for (let i = 0; i < LOGIN_THROTTLE.perAccountIp; i++) {
      assert.ok((await claim("V@example.com", `10.0.0.${ip}`)).ok, `10.0.0.${ip} #${i}`);
    }
  }
  // 50 attempts from 10 addresses: the account's cap is reached for everyone.
  const capped = await claim("v@example.com", "10.0.1.1");
  assert.equal(capped.ok, false);
  assert.ok(!capped.ok && capped.retryAfterS > 0 && capped.retryAfterS <= LOGIN_THROTTLE.windowS);
  // Per IP, whatever the accounts: 20.
  const spray = [];
  for (let i = 0; i < 21; i++) spray.push((await claim(`u${i}@example.com`, "10.0.2.1")).ok);
  assert.deepEqual(spray.lastIndexOf(true), LOGIN_THROTTLE.perIp - 1);
  assert.equal(spray.at(-1), false);
  await db.close();
});

Deno.test("loginSucceeded() - gives the attempt back and forgets this address's failures on the account", async () => {
  const db = await memoryDb();
  const who = { email: "a@example.com", ip: "10.0.0.1", now };
  for (let i = 0; i < LOGIN_THROTTLE.perAccountIp - 1; i++) await claimLoginAttempt(db, who);
  const ok = await claimLoginAttempt(db, who);
  assert.ok(ok.ok);
  await loginSucceeded(db, ok.attempt);
  const rows = await db.query<{ bucket: string; hits: number }>(
    "SELECT bucket, hits FROM rate_limits ORDER BY bucket",
  );
  const hits = Object.fromEntries(rows.map((r) => [r.bucket.split(":")[1], Number(r.hits)]));
  assert.deepEqual(hits, { acct: 4, ip: 4 }, "the success is not counted; acct-ip is cleared");
  for (let i = 0; i < LOGIN_THROTTLE.perAccountIp; i++) {
    assert.ok((await claimLoginAttempt(db, who)).ok, "a fresh allowance after a success");
  }
  await db.close();
});
