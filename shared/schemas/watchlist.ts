/**
 * Wire schemas of a signed-in user's server-side watchlist (`/api/watchlist`).
 *
 * @module
 */
import { z } from "zod";
import { SymbolParamSchema } from "./market.ts";

/** Most symbols on one user's watchlist. */
export const MAX_WATCHLIST = 200;

/** Body of `PUT /api/watchlist`: the whole list, in the user's order. */
export const WatchlistInputSchema = z.object({
  symbols: z.array(SymbolParamSchema).max(MAX_WATCHLIST).describe(
    "the whole list in order (replaces the stored one; duplicates dropped, first kept; [] clears)",
  ),
}).strict().meta({ id: "WatchlistInput" });

/** `GET /api/watchlist` and `PUT /api/watchlist` answer. */
export const WatchlistSchema = z.object({
  symbols: z.array(z.string()).describe("the caller's symbols in their order"),
}).meta({ id: "Watchlist" });

/** A user's watchlist on the wire. */
export type Watchlist = z.infer<typeof WatchlistSchema>;
