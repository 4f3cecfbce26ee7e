/**
 * English strings only the server renders: each page's meta description and the header's
 * session links (server components, never hydrated). A section of its own, registered by the
 * server's `dictionaries.ts` only, so no page downloads it. Keys are typed like the main
 * dictionary's: `MessageKey` includes them.
 *
 * @module
 */
export const serverEn = {
  "session.label": "Your account",
  "session.signin": "Sign in",
  "session.signedInAs": "Signed in as {email}",
  "session.admin": "Admin",
  "session.signout": "Sign out",
  "meta.default":
    "Self-hostable AI trading system: charts, indicators, patterns, signals, backtests and paper trading.",
  "meta.markets":
    "Live quotes, sparklines and signals of US and Taiwan stocks, with a watchlist you keep in the browser.",
  "meta.symbol":
    "{symbol}: candlestick chart with indicators, detected chart patterns, signals and an AI analyst's view.",
  "meta.screener":
    "Screen US and Taiwan stocks with your own rules over indicators and patterns, and save the screens.",
  "meta.alerts":
    "Price, percentage-move and rule alerts on your symbols, delivered in the app, by e-mail or webhook.",
  "meta.backtest":
    "Backtest a trading strategy on real history against buy-and-hold, and optimise it with walk-forward tests.",
  "meta.paper":
    "Trade on a paper account with fees and the backtest's fill rules, replaying history bar by bar.",
  "meta.alertsConfirm": "Confirm the e-mail address that should receive your alert notifications.",
  "meta.account": "Sign in, manage your API tokens and plan, and redeem codes for AI analyses.",
  "meta.admin": "Administration: mint redemption codes and follow AI usage per user.",
  "meta.sources": "Where the market data, libraries and fonts come from, and their licences.",
  "meta.track":
    "How often the AI analyst's calls were right: hit rates, calibration and results per symbol.",
  "sources.licenceFrom": "{licence}; data from {source}",
  "sources.licence.matplotlib": "matplotlib licence",
} as const;

/** A key of the server-only section. */
export type ServerKey = keyof typeof serverEn;
