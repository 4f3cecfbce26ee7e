/**
 * What the chart service's route groups are built from.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { ChartService } from "./chart_service.ts";
import type { CoreClient } from "./core_client.ts";

/** The state the chart route groups share (built once per app by `createChartApp`). */
export interface ChartRouteDeps {
  /** Renders and caches charts. */
  service: ChartService;
  /** Core's client (its circuit breaker is reported by `/health`). */
  core: CoreClient;
  /** HTTP client of the health probe of core. */
  fetch: typeof fetch;
  /** Core's base URL. */
  coreUrl: string;
  /** Structured logger. */
  logger: Logger;
  /** Start time (ms) for uptime. */
  startedAt: number;
  /** Test apps only: check JSON answers against their declared schemas (500 on a mismatch). */
  checkResponses?: boolean;
}
