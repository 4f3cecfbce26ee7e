/**
 * What an API token may do (no zod here: browser islands import it). `read`: every GET of
 * market data, analysis and the caller's own resources; `ai`: analyses and chat that spend AI
 * quota or credits; `backtest`: backtests, optimisations and saved screens (research you store); `paper:trade`: paper accounts,
 * orders, bots and the replay clock; `alerts`: creating and changing alerts, notification
 * endpoints and notifications; `data`: loading symbols from online providers; `account`:
 * tokens, password, redemption codes; `admin`: administration (the admin role is still needed).
 *
 * @module
 */

/** Every API token scope, in display order. */
export const API_SCOPES = [
  "read",
  "ai",
  "backtest",
  "paper:trade",
  "alerts",
  "data",
  "account",
  "admin",
] as const;

/** One API token scope. */
export type ApiScope = typeof API_SCOPES[number];
