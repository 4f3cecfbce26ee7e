/**
 * Guards of `POST /api/symbols` private to the market routes: the `from` bound of each
 * provider, the per-user cap on backfills in flight, and the answer when nobody waits anymore.
 *
 * @module
 */
import type { Context } from "hono";
import { ValidationError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import type { MarketDataProvider } from "../../market_data/provider.ts";

/** Backfills one user may have in flight on one instance; more answer 429. */
export const MAX_BACKFILLS_PER_USER = 2;

/** Throws a 422 naming `from` unless it lies within `[provider.historyStart, today]`. */
export function checkFrom(
  from: string | undefined,
  provider: MarketDataProvider | undefined,
  today: string,
): void {
  if (from === undefined || !provider) return;
  const message = from < provider.historyStart
    ? `from must be on or after ${provider.historyStart}, the start of ${provider.id}'s history, current value is ${from}`
    : from > today
    ? `from must not be after today (${today}), current value is ${from}`
    : null;
  if (message) {
    throw new ValidationError(`Invalid body: from: ${message}`, [{ field: "from", message }]);
  }
}

/** Counts backfills in flight per user. */
export class BackfillSlots {
  readonly #inFlight = new Map<string, number>();
  readonly #max: number;

  /** @param max backfills one user may run at once */
  constructor(max = MAX_BACKFILLS_PER_USER) {
    this.#max = max;
  }

  /** Takes a slot for `user`; false when the user already has `max` in flight. */
  tryAcquire(user: string): boolean {
    const n = this.#inFlight.get(user) ?? 0;
    if (n >= this.#max) return false;
    this.#inFlight.set(user, n + 1);
    return true;
  }

  /** Gives a slot back. */
  release(user: string): void {
    const n = (this.#inFlight.get(user) ?? 1) - 1;
    if (n > 0) this.#inFlight.set(user, n);
    else this.#inFlight.delete(user);
  }
}

/**
 * The answer to a backfill cut short: 499 (logged at info, nobody reads it) when the client
 * went away, 503 when the service is shutting down; null when the work was not aborted.
 */
export function abortedAnswer(
  c: Context,
  { client, shutdown }: { client: AbortSignal; shutdown: AbortSignal },
  logger: Logger,
  symbol: string,
): Response | null {
  if (client.aborted) {
    logger.info("backfill cancelled: the client went away", { symbol });
    return new Response(null, { status: 499 });
  }
  if (shutdown.aborted) {
    return c.json({
      error: { code: "unavailable", message: "The service is shutting down; retry shortly." },
    }, 503);
  }
  return null;
}
