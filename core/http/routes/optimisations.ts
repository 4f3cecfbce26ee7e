import { rateLimit } from "../../auth/rate_limit.ts";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { NotFoundError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  OPTIMISATION_REQUEST_EXAMPLE,
  OPTIMISATION_RESPONSE_EXAMPLE,
  OptimisationJobSchema,
  OptimisationRequestSchema,
} from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import { clientIp } from "../../auth/rate_limit.ts";
import { type JobRow, type LiveProgress, OptimisationJobs } from "../../optimise/jobs.ts";
import type { JobHandler } from "../../jobs/queue.ts";
import { planOptimisation } from "../../optimise/plan.ts";
import { optionalUser } from "../../auth/auth_context.ts";
import { barsInRange, strategyOr422 } from "./_backtest_input.ts";

const IdPath = z.object({ id: z.uuid() });

const jobsByDeps = new WeakMap<CoreDeps, OptimisationJobs>();

/**
 * The job runner of an app's dependencies (one worker pool per process and database); jobs go
 * through `deps.jobs` once core started it with {@link optimisationTask}.
 */
export function optimisationJobsFor(deps: CoreDeps): OptimisationJobs {
  let jobs = jobsByDeps.get(deps);
  if (!jobs) {
    jobsByDeps.set(deps, jobs = new OptimisationJobs(deps.db, deps.logger, { queue: deps.jobs }));
  }
  return jobs;
}

/**
 * The queue handler of `OPTIMISE_TASK` (core/optimise/jobs.ts): runs a stored optimisation, its plan rebuilt
 * from the stored request as `POST /api/optimisations` builds it (the bars as stored now).
 *
 * @example
 * ```ts ignore
 * await deps.jobs.start({ [OPTIMISE_TASK]: optimisationTask(deps) });
 * ```
 */
export function optimisationTask(deps: CoreDeps): JobHandler {
  const jobs = optimisationJobsFor(deps);
  const stopping = new Promise<void>((resolve) => {
    if (deps.shutdown.signal.aborted) resolve();
    deps.shutdown.signal.addEventListener("abort", () => resolve(), { once: true });
  });
  return async function optimise(payload) {
    const run = jobs.runQueued(String(payload.optimisation_id ?? ""), async (request) => {
      const body = OptimisationRequestSchema.parse(request);
      const strategy = strategyOr422(body.strategy, body.fixed);
      return planOptimisation(body, strategy, await barsInRange(deps, body.symbol, body));
    });
    // shutdown does not wait for a long grid: the job ends, and the stored job, silent from
    // then on, is reported interrupted (as when its process stops)
    run.catch(() => {}); // awaited below, unless shutdown comes first
    await Promise.race([run, stopping]);
  };
}

function view(r: JobRow, withResult = true) {
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    done: r.done,
    total: r.total,
    progress: r.total > 0 ? r.done / r.total : 1,
    error: r.error,
    result: withResult && r.result ? JSON.parse(r.result) : null,
    created_at: r.created_at,
    updated_at: r.updated_at,
  };
}

/** Optimisation jobs: start, poll, stream. */
export const optimisationsRoutes = routeGroup(
  (deps: CoreDeps) => {
    const jobs = optimisationJobsFor(deps);
    const load = async (id: string, userId: string | null) => {
      const row = await jobs.get(id);
      if (!row || (row.user_id !== null && row.user_id !== userId)) {
        throw new NotFoundError(`No optimisation ${id}`);
      }
      return row;
    };
    return { deps, jobs, load };
  },
  [
    {
      method: "post",
      path: "/api/optimisations",
      example: OPTIMISATION_REQUEST_EXAMPLE,
      responseExample: OPTIMISATION_RESPONSE_EXAMPLE,
      summary: "Start a grid search (+ heat-map, + walk-forward) on worker threads; 202 with the " +
        "job. At most 200,000 backtests per job; one running job per user (or anonymous IP) and " +
        "a few in all, else 429 with Retry-After",
      tag: "backtests",
      body: OptimisationRequestSchema,
      response: OptimisationJobSchema,
      errors: [404, 422, 429],
      access: "public",
      use: [rateLimit({ key: "optimisation", limit: 10, windowS: 60 })],
      scope: "backtest",
      handler: async (c, { deps, jobs }) => {
        const body = validate(OptimisationRequestSchema, await readJson(c.req), "body");
        const strategy = strategyOr422(body.strategy, body.fixed);
        const cols = await barsInRange(deps, body.symbol, body);
        const plan = planOptimisation(body, strategy, cols);
        const id = await jobs.submit(plan, body, {
          userId: optionalUser(c)?.id ?? null,
          ip: clientIp(c, deps.config.TRUST_PROXY_HOPS),
        });
        return c.json(view((await jobs.get(id))!), 202, { location: `/api/optimisations/${id}` });
      },
    },
    {
      method: "get",
      path: "/api/optimisations/{id}",
      summary: "Progress of a job, and its result once done",
      tag: "backtests",
      params: IdPath,
      response: OptimisationJobSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { load }) => {
        const { id } = validate(IdPath, c.req.param(), "path");
        return c.json(view(await load(id, optionalUser(c)?.id ?? null)));
      },
    },
    {
      method: "get",
      path: "/api/optimisations/{id}/events",
      summary: "Server-sent events: `progress` {done,total} then `done` or `failed` (the job)",
      tag: "backtests",
      params: IdPath,
      produces: "text/event-stream",
      response: z.union([
        z.object({ done: z.number().int(), total: z.number().int() })
          .describe("a `progress` event's data"),
        OptimisationJobSchema.describe("a `done` or `failed` event's data"),
      ]),
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { jobs, load }) => {
        const { id } = validate(IdPath, c.req.param(), "path");
        const userId = optionalUser(c)?.id ?? null;
        let row = await load(id, userId);
        return streamSSE(c, async (stream) => {
          let lastDone = -1;
          const progress = async (done: number, total: number) => {
            if (done === lastDone) return;
            lastDone = done;
            await stream.writeSSE({ event: "progress", data: JSON.stringify({ done, total }) });
          };
          const finish = async (r: JobRow) => {
            await progress(r.done, r.total);
            await stream.writeSSE({
              event: r.status,
              data: JSON.stringify(view(r, r.status === "done")),
            });
          };
          // a job running on this instance pushes its progress; others are polled every second
          const live: { p: LiveProgress | null; wake: (() => void) | null } = {
            p: null,
            wake: null,
          };
          const stop = jobs.watch(id, (p) => {
            live.p = p;
            live.wake?.();
          });
          try {
            const deadline = Date.now() + 15 * 60_000;
            while (!stream.aborted && Date.now() < deadline) {
              if (row.status !== "running") return await finish(row);
              if (stop) {
                await progress(live.p?.done ?? row.done, live.p?.total ?? row.total);
                // the 5 s timeout keeps checking `aborted` and the deadline
                let timer: ReturnType<typeof setTimeout> | undefined;
                await new Promise<void>((resolve) => {
                  live.wake = resolve;
                  timer = setTimeout(resolve, 5_000);
                });
                clearTimeout(timer);
                live.wake = null;
                if (live.p && live.p.status !== "running") row = await load(id, userId);
              } else {
                await progress(row.done, row.total);
                await stream.sleep(1_000);
                row = await load(id, userId);
              }
            }
          } finally {
            stop?.();
          }
        });
      },
    },
  ],
);
