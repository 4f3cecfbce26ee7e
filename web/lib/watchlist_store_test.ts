import assert from "node:assert/strict";
import type { ApiResult } from "./api_error.ts";
import {
  loadWatchlist,
  MAX_SERVER_WATCHLIST,
  mergeWatchlists,
  readWatchlist,
  type WatchlistApi,
  watchlistSaver,
  type WatchlistStorage,
  writeWatchlist,
} from "./watchlist_store.ts";

/** A localStorage double. */
function memoryStorage(init: Record<string, string> = {}): WatchlistStorage & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

/**
 * A fake core keeping one account's list: GET answers it, PUT replaces it (refusing the symbols
 * in `unknown` with a 422 naming `symbols.N`, as core does); `getStatus` makes GET fail.
 */
function fakeCore(
  { list = [] as string[], unknown = [] as string[], getStatus = 200 } = {},
) {
  const calls: { method: string; body?: unknown }[] = [];
  const state = { list };
  const api: WatchlistApi = <T>(method: string, _path: string, body?: unknown) => {
    calls.push({ method, ...(body === undefined ? {} : { body }) });
    const fail = (status: number, field?: string): ApiResult<T> => ({
      ok: false,
      status,
      message: null,
      details: field ? [{ field, message: "unknown symbol" }] : [],
    });
    if (method === "GET") {
      if (getStatus !== 200) return Promise.resolve(fail(getStatus));
      return Promise.resolve({ ok: true, data: { symbols: [...state.list] } as T });
    }
    const symbols = (body as { symbols: string[] }).symbols;
    const bad = symbols.findIndex((s) => unknown.includes(s));
    if (bad >= 0) return Promise.resolve(fail(422, `symbols.${bad}`));
    state.list = [...new Set(symbols)];
    return Promise.resolve({ ok: true, data: { symbols: [...state.list] } as T });
  };
  return { api, calls, state };
}

Deno.test("watchlist store - signed out: the browser's copy, and the server is never asked", async () => {
  const storage = memoryStorage();
  writeWatchlist(["AAPL", "SPY"], storage);
  const core = fakeCore({ list: ["MSFT"] });
  const r = await loadWatchlist(false, { api: core.api, storage });
  assert.deepEqual(r, { symbols: ["AAPL", "SPY"], source: "browser" });
  assert.deepEqual(core.calls, []);
  const save = watchlistSaver("browser", { api: core.api, storage });
  assert.deepEqual(await save(["AAPL"]), { ok: true, symbols: ["AAPL"] });
  assert.deepEqual(readWatchlist(storage), ["AAPL"]);
  assert.deepEqual(core.calls, []);
});

Deno.test("watchlist store - first signed-in load: an empty account list gets the browser's symbols once, never again", async () => {
  const storage = memoryStorage();
  writeWatchlist(["aapl", "SPY", "AAPL"], storage);
  const core = fakeCore();
  const first = await loadWatchlist(true, { api: core.api, storage });
  assert.deepEqual(first, { symbols: ["AAPL", "SPY"], source: "server", uploaded: 2 });
  assert.deepEqual(core.calls.map((c) => c.method), ["GET", "PUT"]);
  assert.deepEqual(core.calls[1]?.body, { symbols: ["AAPL", "SPY"] });
  assert.deepEqual(readWatchlist(storage), ["aapl", "SPY", "AAPL"], "the browser copy is kept");
  // the user empties the account's list: the browser's copy is not uploaded a second time
  core.state.list = [];
  const again = await loadWatchlist(true, { api: core.api, storage });
  assert.deepEqual(again, { symbols: [], source: "server" });
  assert.deepEqual(core.calls.map((c) => c.method), ["GET", "PUT", "GET"]);
});

Deno.test("watchlist store - an account list that is not empty wins: nothing uploaded, the browser offers nothing later", async () => {
  const storage = memoryStorage();
  writeWatchlist(["AAPL"], storage);
  const core = fakeCore({ list: ["MSFT", "NVDA"] });
  const r = await loadWatchlist(true, { api: core.api, storage });
  assert.deepEqual(r, { symbols: ["MSFT", "NVDA"], source: "server" });
  core.state.list = [];
  await loadWatchlist(true, { api: core.api, storage });
  assert.ok(!core.calls.some((c) => c.method === "PUT"));
});

Deno.test("watchlist store - the upload drops the symbols core refuses (422 symbols.N) and stores the rest", async () => {
  const storage = memoryStorage();
  writeWatchlist(["AAPL", "GONE1", "SPY", "GONE2"], storage);
  const core = fakeCore({ unknown: ["GONE1", "GONE2"] });
  const r = await loadWatchlist(true, { api: core.api, storage });
  assert.deepEqual(r, { symbols: ["AAPL", "SPY"], source: "server", uploaded: 2 });
  assert.deepEqual(core.state.list, ["AAPL", "SPY"]);
  assert.equal(core.calls.filter((c) => c.method === "PUT").length, 3);
});

Deno.test("watchlist store - the account's list unreadable: the browser's copy, flagged, nothing uploaded; offered again next time", async () => {
  const storage = memoryStorage();
  writeWatchlist(["AAPL"], storage);
  const down = fakeCore({ getStatus: 503 });
  const r = await loadWatchlist(true, { api: down.api, storage });
  assert.deepEqual(r, { symbols: ["AAPL"], source: "browser", failed: 503 });
  assert.deepEqual(down.calls.map((c) => c.method), ["GET"]);
  const up = fakeCore();
  const later = await loadWatchlist(true, { api: up.api, storage });
  assert.deepEqual(later.symbols, ["AAPL"]);
  assert.equal(later.uploaded, 1);
});

Deno.test("watchlist store - server saves go out one at a time in call order (the last one wins), over 200 refused locally", async () => {
  const sent: string[][] = [];
  const delays = [30, 1]; // the first save answers last if not serialised
  let started = 0;
  const api: WatchlistApi = async <T>(_m: string, _p: string, body?: unknown) => {
    const symbols = (body as { symbols: string[] }).symbols;
    await new Promise((r) => setTimeout(r, delays[started++] ?? 0));
    sent.push(symbols);
    return { ok: true, data: { symbols } as T };
  };
  const save = watchlistSaver("server", { api, storage: memoryStorage() });
  const [a, b] = await Promise.all([save(["AAPL"]), save(["AAPL", "SPY"])]);
  assert.deepEqual(sent, [["AAPL"], ["AAPL", "SPY"]]);
  assert.deepEqual([a, b], [{ ok: true, symbols: ["AAPL"] }, {
    ok: true,
    symbols: ["AAPL", "SPY"],
  }]);
  const many = Array.from({ length: MAX_SERVER_WATCHLIST + 1 }, (_, i) => `S${i}`);
  assert.deepEqual(await save(many), { ok: false, status: 422 });
  assert.equal(sent.length, 2);
});

Deno.test("watchlist store - a failed save reports its status and later saves still go out", async () => {
  let n = 0;
  const api: WatchlistApi = <T>(_m: string, _p: string, body?: unknown) =>
    Promise.resolve(
      n++ === 0
        ? { ok: false as const, status: 429, message: null, details: [] }
        : { ok: true as const, data: body as T },
    );
  const save = watchlistSaver("server", { api, storage: undefined });
  assert.deepEqual(await save(["AAPL"]), { ok: false, status: 429 });
  assert.deepEqual(await save(["SPY"]), { ok: true, symbols: ["SPY"] });
});

Deno.test("mergeWatchlists() - server order first, then the browser's new symbols, upper-cased, at most 200", () => {
  assert.deepEqual(mergeWatchlists(["SPY", "AAPL"], ["msft", "spy", " nvda "]), [
    "SPY",
    "AAPL",
    "MSFT",
    "NVDA",
  ]);
  const big = Array.from({ length: 250 }, (_, i) => `S${i}`);
  assert.equal(mergeWatchlists([], big).length, MAX_SERVER_WATCHLIST);
});
