/**
 * Every page of the dashboard.
 *
 * @module
 */
import type { PageRoute } from "./types.ts";
import { marketsPage } from "./markets.tsx";
import { symbolPage } from "./symbol.tsx";
import { sourcesPage } from "./sources.tsx";
import { backtestPage } from "./backtest.tsx";
import { accountPage } from "./account.tsx";
import { adminPage } from "./admin.tsx";
import { paperPage } from "./paper.tsx";
import { trackRecordPage } from "./track_record.tsx";
import { screenerPage } from "./screener.tsx";
import { alertsPage } from "./alerts.tsx";
import { alertsConfirmPage } from "./alerts_confirm.tsx";

export type { PageRequest, PageRoute } from "./types.ts";

/** Routes in the order they are registered. */
export const PAGES: PageRoute[] = [
  { path: "/", load: marketsPage },
  { path: "/symbol/:symbol", load: symbolPage },
  { path: "/screener", load: screenerPage },
  { path: "/alerts", load: alertsPage },
  { path: "/alerts/confirm", load: alertsConfirmPage },
  { path: "/backtest", load: backtestPage },
  { path: "/paper", load: paperPage },
  { path: "/account", load: accountPage },
  { path: "/admin", load: adminPage },
  { path: "/sources", load: sourcesPage },
  { path: "/track-record", load: trackRecordPage },
];
