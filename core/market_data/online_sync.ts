/**
 * Keeps online symbols up to date when `MARKET_DATA=online`: makes the original product's 13
 * symbols the default universe once they are all stored (backfilling the missing ones, never
 * dropping a stored symbol whose refresh failed), then refreshes each online symbol after its
 * market's close. A lease in the database makes one instance do each refresh. The periodic run
 * is a job of the shared queue (`sync_job.ts`).
 *
 * @module
 */
import {
  closeMinutes,
  marketOf,
  MARKETS,
  marketStatus,
  zonedInstant,
} from "../calendars/calendar.ts";
import type { RefreshDeps } from "./refresh.ts";
import { refreshSymbol } from "./refresh.ts";
import type { MarketRepository } from "./repository.ts";

/** The original product's default universe. */
export const ONLINE_UNIVERSE = [
  "AAPL",
  "GOOGL",
  "TSLA",
  "SPY",
  "QQQ",
  "MSFT",
  "AMZN",
  "NVDA",
  "2330.TW",
  "2317.TW",
  "0050.TW",
  "2454.TW",
  "2881.TW",
] as const;

/** Minutes after the close before the day's bar is fetched (providers publish with a delay). */
export const SETTLE_MINUTES = 20;

/** True when `symbol`, stored up to `lastDate`, has a completed, settled session to fetch. */
export function isDue(symbol: string, lastDate: string | null, nowMs: number): boolean {
  const market = marketOf(symbol);
  const session = marketStatus(market, nowMs).last_completed_session;
  if (lastDate !== null && lastDate >= session) return false;
  const closeAt = zonedInstant(session, closeMinutes(market, session), MARKETS[market].timeZone);
  return nowMs >= closeAt + SETTLE_MINUTES * 60_000;
}

/**
 * One pass: backfill the universe, refresh what is due. Returns the symbols refreshed. An
 * aborted `signal` (shutdown) stops the pass between symbols and cancels the running refresh.
 */
export async function syncOnce(
  d: RefreshDeps & { holder: string },
  { signal }: { signal?: AbortSignal } = {},
): Promise<string[]> {
  const done: string[] = [];
  const now = d.now();
  const online = new Map((await d.online.onlineSymbols()).map((s) => [s.symbol, s]));
  for (const symbol of new Set([...ONLINE_UNIVERSE, ...online.keys()])) {
    if (signal?.aborted) return done;
    const known = online.has(symbol);
    const last = known ? (await d.market.extent(symbol)).last : null;
    if (known && !isDue(symbol, last, now)) continue;
    if (!(await d.online.acquireLease(`refresh:${symbol}`, d.holder, now, 10 * 60_000))) continue;
    try {
      const r = await refreshSymbol(d, symbol, {
        inUniverse: (ONLINE_UNIVERSE as readonly string[]).includes(symbol),
        ...(signal ? { signal } : {}),
      });
      if (r.status === "applied") done.push(symbol);
    } catch (e) {
      d.logger.warn("refresh failed; stored data kept", { symbol, error: (e as Error).message });
    }
  }
  await d.market.setUniverse(await nextUniverse(d.market));
  return done;
}

/**
 * The universe after a sync pass. It becomes exactly {@link ONLINE_UNIVERSE} once every member
 * has stored bars; until then it is the current universe plus the members that have bars. A
 * failed refresh therefore never removes a symbol: its stored data keeps serving (stale).
 */
export async function nextUniverse(market: MarketRepository): Promise<string[]> {
  const stored = await market.listSymbols({ all: true });
  const hasBars = new Set(stored.filter((s) => s.bars > 0).map((s) => s.symbol));
  const ready = ONLINE_UNIVERSE.filter((s) => hasBars.has(s));
  if (ready.length === ONLINE_UNIVERSE.length) return [...ONLINE_UNIVERSE];
  const current = (await market.listSymbols()).map((s) => s.symbol);
  return [...new Set([...current, ...ready])];
}
