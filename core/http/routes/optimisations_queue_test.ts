// Apps from testCoreApp() (tests/helpers/core_app.ts).
import assert from "node:assert/strict";
import { testCoreApp } from "../../../tests/helpers/core_app.ts";
import { OPTIMISE_TASK } from "../../optimise/jobs.ts";
import { optimisationJobsFor, optimisationTask } from "./optimisations.ts";
// The worker module joins the static graph so it is type-checked with the test, not at run time.
import type {} from "../../optimise/grid_worker.ts";

Deno.test("POST /api/optimisations - with core's job queue running, the job is a queue job added with its row and run from the stored request", async () => {
  const { app, deps } = await testCoreApp();
  await deps.jobs.start({ [OPTIMISE_TASK]: optimisationTask(deps) });
  try {
    const body = {
      symbol: "SPX",
      strategy: "sma_cross",
      grid: { fast: [5, 10], slow: [50, 100] },
      from: "2010-01-01",
      to: "2012-12-31",
    };
    const res = await app.request("/api/optimisations", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 202, await res.clone().text());
    const started = await res.json();
    const queued = (await deps.jobs.counts()).filter((c) => c.task === OPTIMISE_TASK);
    assert.equal(queued.reduce((n, c) => n + c.count, 0), 1, "a queue job, not run at once");
    assert.ok(queued.every((c) => c.state !== "failed"));
    let job = started;
    for (let k = 0; k < 600 && job.status === "running"; k++) {
      await new Promise((r) => setTimeout(r, 50));
      job = await (await app.request(`/api/optimisations/${started.id}`)).json();
    }
    assert.equal(job.status, "done", job.error);
    assert.equal(job.result.combinations, 4);
    assert.equal(job.done, job.total);
    for (let k = 0; k < 100 && (await deps.jobs.counts()).length; k++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    assert.deepEqual(await deps.jobs.counts(), [], "the queue job is done");
  } finally {
    await deps.jobs.stop();
    await optimisationJobsFor(deps).close();
    await deps.db.close();
  }
});

Deno.test("optimisationTask - a stored job whose request no longer plans (symbol gone) is failed with the reason, not retried", async () => {
  const { deps } = await testCoreApp();
  const jobs = optimisationJobsFor(deps);
  try {
    const id = crypto.randomUUID();
    const now = new Date().toISOString();
    await deps.db.run(
      `INSERT INTO optimisations (id, user_id, kind, request, status, done, total, created_at, updated_at)
       VALUES (?, NULL, 'grid', ?, 'running', 0, 4, ?, ?)`,
      [id, JSON.stringify({ request: { symbol: "NOPE", strategy: "sma_cross" } }), now, now],
    );
    await optimisationTask(deps)({ optimisation_id: id }, { id: "j1", attempt: 1 });
    const job = await jobs.get(id);
    assert.equal(job?.status, "failed");
    assert.match(job?.error ?? "", /^cannot run: /);
  } finally {
    await jobs.close();
    await deps.db.close();
  }
});
