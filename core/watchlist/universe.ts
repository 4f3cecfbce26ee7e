/**
 * `universe: "watchlist"` of a screen: the caller's server watchlist, read at each run.
 *
 * @module
 */
import { UnauthorizedError, ValidationError } from "@trading/shared/errors";
import type { Watchlists } from "./store.ts";

/** Message of the 401 an anonymous `universe: "watchlist"` gets. */
export const WATCHLIST_SIGN_IN =
  'universe "watchlist": sign in to screen your watchlist (or send a list of symbols)';

/**
 * The symbols `universe: "watchlist"` stands for: the user's list in order. Anonymous → 401
 * ({@link UnauthorizedError}); an empty list → 422 naming `universe`.
 *
 * @example
 * ```ts
 * import { openSqlite } from "../db/sqlite.ts";
 * import { migrateUp } from "../db/migrations.ts";
 * import { Watchlists } from "./store.ts";
 * import { watchlistUniverse } from "./universe.ts";
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * const lists = new Watchlists(db);
 * await lists.replace("u1", ["SPY", "AAPL"], "2026-01-02T00:00:00Z");
 * (await watchlistUniverse(lists, { id: "u1" })).join(); // "SPY,AAPL"
 * await db.close();
 * ```
 */
export async function watchlistUniverse(
  lists: Watchlists,
  user: { id: string } | null,
): Promise<string[]> {
  if (!user) throw new UnauthorizedError(WATCHLIST_SIGN_IN);
  const symbols = await lists.get(user.id);
  if (symbols.length === 0) {
    throw new ValidationError("Invalid body: universe: your watchlist is empty", [
      {
        field: "universe",
        message: "your watchlist is empty: add symbols (PUT /api/watchlist) or send a list",
      },
    ]);
  }
  return symbols;
}
