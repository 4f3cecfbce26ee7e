/**
 * The watchlist as the islands read and change it. Signed out, it is this browser's copy
 * (localStorage). Signed in, it is the account's list on the server (`GET`/`PUT /api/watchlist`
 * through web's `/api` proxy, same-origin like every island call); on the first signed-in load
 * in this browser, an empty server list is filled once with the browser's symbols.
 *
 * @module
 */
import type { ApiResult } from "./api_error.ts";

const KEY = "watchlist.v1";
/** Set once this browser has offered its copy to a signed-in account (uploaded or not needed). */
const SYNCED_KEY = "watchlist.v1.synced";

/** Most symbols the server keeps on one watchlist (core's `MAX_WATCHLIST`). */
export const MAX_SERVER_WATCHLIST = 200;

/** The part of `localStorage` the store uses (tests pass a map). */
export interface WatchlistStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** A JSON call to the same-origin API (`api` of `api_error.ts`, or a test double). */
export type WatchlistApi = <T>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<ApiResult<T>>;

/** What the store talks to. */
export interface WatchlistIo {
  api: WatchlistApi;
  storage?: WatchlistStorage | undefined;
}

const local = (): WatchlistStorage | undefined => {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // storage disabled (e.g. blocked third-party context)
  }
};

/** Reads the browser's starred symbols (empty when storage is unavailable or corrupt). */
export function readWatchlist(storage: WatchlistStorage | undefined = local()): string[] {
  try {
    const v = JSON.parse(storage?.getItem(KEY) ?? "[]");
    return Array.isArray(v) ? v.filter((s): s is string => typeof s === "string") : [];
  } catch {
    return [];
  }
}

/** Stores the browser's starred symbols. */
export function writeWatchlist(
  symbols: string[],
  storage: WatchlistStorage | undefined = local(),
): void {
  try {
    storage?.setItem(KEY, JSON.stringify(symbols));
  } catch { /* storage full or disabled: the list lives for this page only */ }
}

/**
 * The server's list followed by the browser's symbols it lacks (upper-cased, duplicates
 * dropped, first kept), at most {@link MAX_SERVER_WATCHLIST}.
 *
 * @example
 * ```ts
 * import { mergeWatchlists } from "./watchlist_store.ts";
 * mergeWatchlists(["SPY"], ["aapl", "SPY"]); // ["SPY", "AAPL"]
 * ```
 */
export function mergeWatchlists(server: readonly string[], browser: readonly string[]): string[] {
  const out = [...new Set([...server, ...browser].map((s) => s.trim().toUpperCase()))]
    .filter(Boolean);
  return out.slice(0, MAX_SERVER_WATCHLIST);
}

/** Where the list shown came from, and whether the account's list could not be read. */
export interface WatchlistLoad {
  symbols: string[];
  /** `server`: changes are saved to the account; `browser`: to this browser. */
  source: "server" | "browser";
  /** Signed in but the account's list could not be read (status; 0 = network). */
  failed?: number;
  /** How many browser symbols were uploaded to the account on this load. */
  uploaded?: number;
}

/** The index `symbols.N` of a 422 names, if any. */
function refusedIndex(r: ApiResult<unknown>): number | null {
  if (r.ok || r.status !== 422) return null;
  const m = r.details.map((d) => /^symbols\.(\d+)$/.exec(d.field)).find(Boolean);
  return m ? Number(m[1]) : null;
}

/**
 * Replaces the account's list with `symbols`; a symbol the server refuses (`symbols.N`: not
 * stored, not loadable) is dropped and the rest sent again, a few times at most.
 */
async function putList(api: WatchlistApi, symbols: string[]): Promise<ApiResult<string[]>> {
  let list = symbols;
  for (let attempt = 0;; attempt++) {
    const r = await api<{ symbols: string[] }>("PUT", "/api/watchlist", { symbols: list });
    if (r.ok) return { ok: true, data: r.data.symbols };
    const i = refusedIndex(r);
    if (i === null || attempt >= 4 || i >= list.length) return r;
    list = list.filter((_, k) => k !== i);
  }
}

/**
 * The list to show: the browser's when signed out; the account's when signed in, after
 * uploading the browser's symbols once (first signed-in load in this browser, server list
 * empty). Falls back to the browser's copy, flagged `failed`, when the account's cannot be read.
 *
 * @example
 * ```ts
 * import { loadWatchlist } from "./watchlist_store.ts";
 * const api = <T>() => Promise.resolve({ ok: true as const, data: { symbols: ["SPY"] } as T });
 * const r = await loadWatchlist(true, { api, storage: undefined });
 * r.symbols; // ["SPY"]
 * ```
 */
export async function loadWatchlist(
  signedIn: boolean,
  { api, storage = local() }: WatchlistIo,
): Promise<WatchlistLoad> {
  const browser = readWatchlist(storage);
  if (!signedIn) return { symbols: browser, source: "browser" };
  const got = await api<{ symbols: string[] }>("GET", "/api/watchlist");
  if (!got.ok) return { symbols: browser, source: "browser", failed: got.status };
  const server = got.data.symbols;
  let synced = false;
  try {
    synced = storage?.getItem(SYNCED_KEY) === "1";
  } catch { /* storage disabled: offer the (empty) copy again, harmless */ }
  if (synced || server.length > 0 || browser.length === 0) {
    markSynced(storage);
    return { symbols: server, source: "server" };
  }
  const put = await putList(api, mergeWatchlists(server, browser));
  if (!put.ok) return { symbols: server, source: "server" }; // try again on the next load
  markSynced(storage);
  return { symbols: put.data, source: "server", uploaded: put.data.length };
}

function markSynced(storage: WatchlistStorage | undefined): void {
  try {
    storage?.setItem(SYNCED_KEY, "1");
  } catch { /* storage full or disabled */ }
}

/** The answer of a save: the list as stored, or why it was not. */
export type WatchlistSave = { ok: true; symbols: string[] } | { ok: false; status: number };

/**
 * Saves `symbols` where the list lives: the account (`source` `server`) or this browser.
 * Saves are sent one after another in call order (each replaces the whole list, so the last
 * one wins), through the returned function.
 *
 * @example
 * ```ts
 * import { watchlistSaver } from "./watchlist_store.ts";
 * const save = watchlistSaver("browser", {
 *   api: () => Promise.reject(new Error("not called")),
 *   storage: undefined,
 * });
 * (await save(["SPY"])).ok; // true
 * ```
 */
export function watchlistSaver(
  source: "server" | "browser",
  { api, storage = local() }: WatchlistIo,
): (symbols: string[]) => Promise<WatchlistSave> {
  let chain: Promise<unknown> = Promise.resolve();
  return (symbols) => {
    const run = async (): Promise<WatchlistSave> => {
      if (source === "browser") {
        writeWatchlist(symbols, storage);
        return { ok: true, symbols };
      }
      if (symbols.length > MAX_SERVER_WATCHLIST) return { ok: false, status: 422 };
      const r = await api<{ symbols: string[] }>("PUT", "/api/watchlist", { symbols });
      return r.ok ? { ok: true, symbols: r.data.symbols } : { ok: false, status: r.status };
    };
    const next = chain.then(run, run);
    chain = next.catch(() => {});
    return next;
  };
}
