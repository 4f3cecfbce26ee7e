import type { CoreConfig } from "@trading/shared/config";
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";

/**
 * What the account code needs from core's dependencies. `CoreDeps` satisfies it; tests may add
 * `now` to move the clock (sessions, quotas, rate limits and OIDC checks all read it).
 */
export interface AuthDeps {
  /** Open, migrated database: the only place account state lives. */
  db: Db;
  /** Parsed configuration. */
  config: CoreConfig;
  /** Structured logger (redacts secret-looking keys). */
  logger: Logger;
  /** Clock in epoch milliseconds; default `Date.now`. */
  now?: () => number;
}

/** The clock of `deps`. */
export function clockOf(deps: AuthDeps): () => number {
  return deps.now ?? Date.now;
}
