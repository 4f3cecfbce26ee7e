/**
 * The islands of the dashboard. `web/static/client.ts` has one loader per name and the build
 * makes one entry chunk per name; a test checks the three agree with the files in this folder.
 *
 * @module
 */

/** Every island, by file name in `web/islands/`. */
export const ISLAND_NAMES = [
  "Watchlist",
  "PriceChart",
  "AiPanel",
  "BacktestLab",
  "SignIn",
  "AccountPanel",
  "AdminPanel",
  "PaperDesk",
  "Screener",
  "NotificationBell",
  "Alerts",
  "ConfirmEmail",
] as const;

/** An island name. */
export type IslandName = typeof ISLAND_NAMES[number];
