import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { fixture, startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { SqliteJobQueue } from "../jobs/sqlite_queue.ts";
import { TwseProvider } from "../providers/twse.ts";
import { YahooProvider } from "../providers/yahoo.ts";
import { ONLINE_SYNC_TASK, onlineSyncHandler, scheduleOnlineSync } from "./sync_job.ts";

const until = async (ok: () => Promise<boolean>, ms = 10_000) => {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 20));
  }
};

Deno.test("online sync job - runs on the shared queue now, then once per slot: each run queues the next slot and syncs", async () => {
  let calls = 0;
  const srv = startFixtureServer((url) => {
    calls++;
    if (url.pathname.includes("/QQQ")) {
      return new Response(fixture("yahoo/chart_QQQ_2020-01-01_2020-01-03.json"));
    }
    return new Response("upstream down", { status: 503 });
  });
  const { deps } = await testCoreApp({ MARKET_DATA: "online" });
  const opts = { sleep: () => Promise.resolve(), random: () => 0, retries: 0 };
  deps.providers = {
    yahoo: new YahooProvider(srv.url, opts),
    twse: new TwseProvider(srv.url, { ...opts, minIntervalMs: 0 }),
  };
  const everyMs = 15 * 60_000;
  let clock = Date.parse("2020-01-03T23:00:00Z");
  deps.now = () => clock;
  const queue = new SqliteJobQueue(deps.db, deps.logger, { now: () => clock, pollMs: 20 });
  const jobs = () =>
    deps.db.query<{ job_key: string; run_at: number }>(
      "SELECT job_key, run_at FROM jobs WHERE task = ? ORDER BY run_at",
      [ONLINE_SYNC_TASK],
    );
  try {
    await queue.start({
      [ONLINE_SYNC_TASK]: onlineSyncHandler({ ...deps, holder: "a" }, queue, deps.db, { everyMs }),
    });
    await scheduleOnlineSync(deps.db, queue, { now: clock, everyMs, immediately: true });
    await scheduleOnlineSync(deps.db, queue, { now: clock, everyMs, immediately: true }); // a second instance
    const slot = Math.floor(clock / everyMs);
    await until(async () => (await deps.market.extent("QQQ")).last !== null);
    await until(async () => {
      const j = await jobs();
      return j.length === 1 && j[0]!.job_key === `${ONLINE_SYNC_TASK}:${slot + 1}`;
    });
    assert.equal((await jobs())[0]!.run_at, (slot + 1) * everyMs, "the next slot's start");
    const first = calls;
    assert.ok(first > 0);
    await new Promise((r) => setTimeout(r, 100));
    assert.equal(calls, first, "one run for the slot, although two instances queued it");
    clock = (slot + 1) * everyMs + 1; // the next slot begins
    await until(async () => (await jobs())[0]?.job_key === `${ONLINE_SYNC_TASK}:${slot + 2}`);
    assert.ok(calls > first, "the next slot synced again");
    const counts = await queue.counts();
    assert.deepEqual(counts.filter((c) => c.task === ONLINE_SYNC_TASK), [
      { task: ONLINE_SYNC_TASK, state: "waiting", count: 1 },
    ]);
  } finally {
    await queue.stop();
    await deps.db.close();
    await srv.close();
  }
});
