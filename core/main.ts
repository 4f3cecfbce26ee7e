import { CoreEnvSchema } from "@trading/shared/config";
import { startService } from "@trading/shared/http";
import { createCoreApp } from "./app.ts";
import { buildDeps } from "./deps.ts";
import { redactUrl } from "./db/db.ts";
import { ONLINE_SYNC_TASK, onlineSyncHandler, scheduleOnlineSync } from "./market_data/sync_job.ts";
import { QuoteHub } from "./market_data/quote_hub.ts";
import { startAlerts } from "./alerts/start.ts";
import { OPTIMISE_TASK } from "./optimise/jobs.ts";
import { optimisationTask } from "./http/routes/optimisations.ts";
import { prewarmTrackWorker, stopTrackWorker } from "./ai/track_record_service.ts";

/** Starts the core service: config → dependencies → HTTP server. */
if (import.meta.main) {
  await startService({
    name: "core",
    schema: CoreEnvSchema,
    context: (config) => ({ database: redactUrl(config.DATABASE_URL) }),
    build: async (config, logger) => {
      const deps = await buildDeps(config, logger);
      prewarmTrackWorker(); // its module graph loads before the first request, not during it
      return {
        fetch: createCoreApp(deps).fetch,
        listening: { database: redactUrl(config.DATABASE_URL) },
        started: () => {
          // Alerts: deliveries on the job queue; new bars, and price alerts on quotes (live
          // online, the replay clock over stored bars offline, one step per REPLAY_STEP_MS).
          const online = config.MARKET_DATA === "online";
          const quotes = new QuoteHub({
            series: deps.series,
            providers: deps.providers,
            online,
            pollMs: config.QUOTE_POLL_MS,
            replayStepMs: config.REPLAY_STEP_MS,
            now: deps.now,
          });
          // One queue for all background work: optimisations, and online the sync (a job per
          // 15-minute slot, run now first).
          const sync = { ...deps, holder: crypto.randomUUID() };
          const signal = deps.shutdown.signal;
          startAlerts(deps, {
            quote: (s) => quotes.quote(s),
            quotePollMs: online ? config.QUOTE_POLL_MS : config.REPLAY_STEP_MS,
            tasks: {
              [OPTIMISE_TASK]: optimisationTask(deps),
              ...(online
                ? { [ONLINE_SYNC_TASK]: onlineSyncHandler(sync, deps.jobs, deps.db, { signal }) }
                : {}),
            },
          }).then(() =>
            online
              ? scheduleOnlineSync(deps.db, deps.jobs, { now: deps.now(), immediately: true })
              : undefined
          ).catch((e) =>
            logger.error("background jobs did not start", { error: (e as Error).message })
          );
        },
        // Abort outbound provider calls first, so in-flight backfills end and shutdown() returns.
        stopping: () => deps.shutdown.abort(),
        stopped: async () => {
          stopTrackWorker();
          await deps.jobs.stop();
          await deps.db.close();
        },
      };
    },
  });
}
