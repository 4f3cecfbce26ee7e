/**
 * SIGTERM during a backfill: a real core process (online, its providers pointed at a local
 * upstream that never answers) exits within 5 s of the signal, and calls no provider after it
 * (issue 13, defect 3: the listener closed but the process kept calling the provider for ≥ 37 s).
 *
 * @module
 */
import assert from "node:assert/strict";
import { removeSqlite, startService, tempSqliteUrl } from "../helpers/services.ts";

Deno.test({
  name: "fault - SIGTERM during a backfill: core exits within 5 s and calls no provider after it",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const seen: { at: number; url: string }[] = [];
    // An upstream that holds every request until the caller gives up.
    const upstream = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
      seen.push({ at: performance.now(), url: req.url });
      return new Promise<Response>((resolve) => {
        req.signal.addEventListener("abort", () => resolve(new Response(null, { status: 499 })));
      });
    });
    const base = `http://127.0.0.1:${upstream.addr.port}`;
    const dbUrl = tempSqliteUrl("fault-shutdown");
    const core = await startService("core", {
      DATABASE_URL: dbUrl,
      LOG_LEVEL: "warn",
      MARKET_DATA: "online",
      YAHOO_BASE_URL: base,
      TWSE_BASE_URL: base,
    });
    try {
      const reg = await fetch(`${core.url}/api/auth/register`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "sigterm@example.com", password: "a backfill in flight" }),
      });
      assert.equal(reg.status, 201, await reg.text());
      const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
      const backfill = fetch(`${core.url}/api/symbols`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie },
        body: JSON.stringify({ symbol: "2330.TW", from: "2015-01-01" }),
      }).then((r) => r.status, () => "connection closed");
      const deadline = Date.now() + 15_000;
      while (!seen.some((s) => s.url.includes("2330")) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
      }
      assert.ok(seen.some((s) => s.url.includes("2330")), "the backfill reached the provider");

      const t0 = performance.now();
      core.child.kill("SIGTERM");
      const exited = await Promise.race([
        core.child.status.then(() => performance.now() - t0),
        new Promise<null>((r) => setTimeout(() => r(null), 10_000)),
      ]);
      assert.ok(exited !== null, "core still running 10 s after SIGTERM");
      assert.ok(exited < 5000, `core exited ${exited.toFixed(0)} ms after SIGTERM`);
      const after = seen.filter((s) => s.at > t0 + 50);
      assert.deepEqual(after.map((s) => s.url), [], "provider calls after the signal");
      const answer = await backfill;
      assert.ok(answer === 503 || answer === "connection closed", `backfill answered ${answer}`);
      await new Promise((r) => setTimeout(r, 500));
      assert.equal(seen.filter((s) => s.at > t0 + 50).length, 0, "no call once core is gone");
    } finally {
      await core.stop();
      await upstream.shutdown();
      removeSqlite(dbUrl);
    }
  },
});
