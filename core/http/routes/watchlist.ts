import { ValidationError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import { WatchlistInputSchema, WatchlistSchema } from "@trading/shared/schemas";
import { rateLimit } from "../../auth/rate_limit.ts";
import { requireUser } from "../../auth/auth_context.ts";
import type { CoreDeps } from "../../deps.ts";
import type { SeriesCache } from "../../market_data/series_cache.ts";
import { Watchlists } from "../../watchlist/store.ts";

/** Replacing a watchlist, per user and IP (each star toggled on the web is one PUT). */
const writeLimit = rateLimit({ key: "watchlist", limit: 120, windowS: 600 });

/**
 * Refuses the first symbol that core neither stores nor can load by name (bundled data
 * loaded on first use), as a 422 naming `symbols.N`.
 */
async function checkKnown(series: SeriesCache, symbols: readonly string[]): Promise<void> {
  let versions = await series.versions();
  const missing = symbols.filter((s) => !versions.has(s));
  if (missing.length === 0) return;
  if (await series.ensure(missing)) versions = await series.versions();
  const i = symbols.findIndex((s) => !versions.has(s));
  if (i < 0) return;
  const f = `symbols.${i}`;
  throw new ValidationError(`Invalid body: ${f}: no stored data for ${symbols[i]}`, [
    { field: f, message: `unknown symbol ${symbols[i]}: load it first (GET /symbols lists them)` },
  ]);
}

/** The signed-in user's watchlist, kept on the server (the screener's `universe: "watchlist"`). */
export const watchlistRoutes = routeGroup(
  (deps: CoreDeps) => ({
    deps,
    lists: new Watchlists(deps.db),
    iso: () => new Date(deps.now()).toISOString(),
  }),
  [
    {
      method: "get",
      path: "/api/watchlist",
      summary: "The caller's watchlist: its symbols in order ([] when none)",
      tag: "rules",
      response: WatchlistSchema,
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { lists }) => {
        const user = requireUser(c);
        return c.json({ symbols: await lists.get(user.id) });
      },
    },
    {
      method: "put",
      path: "/api/watchlist",
      summary: "Replace the caller's watchlist (at most 200 symbols, each stored or loadable " +
        "by name, else a 422 naming symbols.N; duplicates dropped, first kept; [] clears it)",
      tag: "rules",
      body: WatchlistInputSchema,
      response: WatchlistSchema,
      errors: [401, 422, 429],
      example: { symbols: ["AAPL", "SPY", "2330.TW"] },
      access: "user",
      use: [writeLimit],
      scope: "backtest",
      handler: async (c, { deps, lists, iso }) => {
        const user = requireUser(c);
        const body = validate(WatchlistInputSchema, await readJson(c.req), "body");
        await checkKnown(deps.series, body.symbols);
        return c.json({ symbols: await lists.replace(user.id, body.symbols, iso()) });
      },
    },
  ],
);
