/**
 * Starts the background side of alerts in a core process: the job queue with the delivery
 * handler (webhooks and e-mail) and the confirmation mail job, and the alert engine's polling
 * loops. Stops with `deps.shutdown`.
 *
 * @module
 */
import type { CoreDeps } from "../deps.ts";
import { deliveryHandler } from "./deliver.ts";
import { CONFIRM_EMAIL_TASK, confirmationHandler } from "./email_endpoints.ts";
import { type Mailer, smtpMailer } from "./mailer.ts";
import { AlertEngine } from "./engine.ts";
import { DELIVER_TASK } from "./fire.ts";
import type { LiveQuote } from "@trading/shared/schemas";
import type { JobHandler } from "../jobs/queue.ts";

/** The SMTP mailer of the configuration, or null without `SMTP_URL`. */
export function mailerOf(deps: Pick<CoreDeps, "config">): Mailer | null {
  const url = deps.config.SMTP_URL;
  return url ? smtpMailer(url, { from: deps.config.SMTP_FROM }) : null;
}

/** The delivery options of the configuration. */
export function deliveryOptionsOf(
  deps: Pick<CoreDeps, "config" | "now">,
  mailer: Mailer | null = null,
) {
  return {
    allowPrivate: deps.config.ALLOW_PRIVATE_WEBHOOKS,
    timeoutMs: deps.config.WEBHOOK_TIMEOUT_MS,
    schedule: deps.config.WEBHOOK_RETRY_SCHEDULE_S.split(",").map(Number),
    now: deps.now,
    email: {
      mailer,
      chartBase: deps.config.CHART_SERVICE_URL,
      webUrl: deps.config.PUBLIC_WEB_URL,
    },
  };
}

/**
 * Starts job processing (the alert tasks and the given `tasks`: one queue runs all background
 * work) and the alert engine; resolves once both run. `quote` gives quotes to
 * price alerts (live ones online, the replay clock offline), polled every `quotePollMs`
 * (default `QUOTE_POLL_MS`).
 *
 * @example
 * ```ts ignore
 * // in main.ts, after the server is up
 * await startAlerts(deps, { quote: (s) => quoteHub.quote(s) });
 * ```
 */
export async function startAlerts(
  deps: CoreDeps,
  { quote, quotePollMs, tasks = {} }: {
    quote?: (symbol: string) => Promise<LiveQuote>;
    quotePollMs?: number;
    /** Other background work run on the same queue (e.g. the online sync). */
    tasks?: Readonly<Record<string, JobHandler>>;
  } = {},
): Promise<AlertEngine> {
  const mailer = mailerOf(deps);
  await deps.jobs.start({
    ...tasks,
    [DELIVER_TASK]: deliveryHandler(
      deps.db,
      deps.jobs,
      deps.logger,
      deliveryOptionsOf(deps, mailer),
    ),
    [CONFIRM_EMAIL_TASK]: confirmationHandler(deps.db, mailer, deps.logger, {
      webUrl: deps.config.PUBLIC_WEB_URL,
    }),
  });
  const engine = new AlertEngine({
    db: deps.db,
    market: deps.market,
    series: deps.series,
    jobs: deps.jobs,
    logger: deps.logger,
    now: deps.now,
    hub: deps.notifications,
    ...(quote ? { quote } : {}),
  });
  void engine.start({
    barPollMs: deps.config.ALERTS_POLL_MS,
    quotePollMs: quotePollMs ?? deps.config.QUOTE_POLL_MS,
    signal: deps.shutdown.signal,
  });
  deps.shutdown.signal.addEventListener("abort", () => {
    void deps.jobs.stop().finally(() => mailer?.close());
  }, { once: true });
  return engine;
}
