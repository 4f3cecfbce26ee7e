/**
 * The alert engine of one core instance. It notices new bars however they arrive — online
 * sync, the replay of a `deno task import` run by another process, another instance's
 * backfill — by polling a cheap fingerprint of the symbols' data versions (one aggregate
 * query, default every second), evaluates the active alerts of each changed symbol at its
 * newest bar, and records firings. On quotes (live online, the replay clock offline) it
 * evaluates price-crossing alerts. Every
 * instance may evaluate the same bar: the firing's unique key lets one of them record it.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import type { Db } from "../db/db.ts";
import type { JobQueue } from "../jobs/queue.ts";
import type { LiveQuote } from "@trading/shared/schemas";
import type { MarketRepository } from "../market_data/repository.ts";
import type { SeriesCache } from "../market_data/series_cache.ts";
import { compileAlert, type CompiledAlert, crossed, hitsAtBar } from "./check_bar.ts";
import { type Fired, recordFiring } from "./fire.ts";
import type { NotificationHub } from "./notifications.ts";
import { AlertStore } from "./store.ts";
import { ScreenRequestSchema } from "@trading/shared/schemas";
import { runScreen } from "../screens/run_screen.ts";
import { SavedScreens } from "../screens/store.ts";
import { UniverseCache } from "../screens/universe.ts";
import { Watchlists } from "../watchlist/store.ts";
import type { AlertDef } from "./types.ts";

/** What the engine reads and writes. */
export interface AlertEngineDeps {
  db: Db;
  market: MarketRepository;
  series: SeriesCache;
  jobs: JobQueue;
  logger: Logger;
  now: () => number;
  /** Wakes SSE streams of this instance (optional). */
  hub?: NotificationHub;
  /** Live quotes for price alerts (optional; online deployments). */
  quote?: (symbol: string) => Promise<LiveQuote>;
}

/** Outcome of one pass over new bars. */
export interface BarPass {
  /** Symbols with a new bar evaluated. */
  symbols: number;
  /** Alerts evaluated. */
  alerts: number;
  /** Firings recorded by this instance. */
  fired: Fired[];
  /** Milliseconds spent evaluating (without recording). */
  evalMs: number;
}

/** Evaluates alerts on new bars and live quotes; see the module doc. */
export class AlertEngine {
  readonly #d: AlertEngineDeps;
  readonly #store: AlertStore;
  readonly #compiled = new Map<string, CompiledAlert>();
  #fingerprint = "";
  #versions = new Map<string, number>();
  #lastQuote = new Map<string, { price: number; date: string }>();
  readonly #screens: SavedScreens;
  readonly #universe: UniverseCache;
  readonly #screenResults = new Map<
    string,
    { universe: ReadonlyMap<string, unknown>; updated: string; list: string; members: string[] }
  >();
  readonly #watchlists: Watchlists;

  /** @param deps database, market data, queue, clock */
  constructor(deps: AlertEngineDeps) {
    this.#d = deps;
    this.#store = new AlertStore(deps.db);
    this.#screens = new SavedScreens(deps.db);
    this.#universe = new UniverseCache(deps.series);
    this.#watchlists = new Watchlists(deps.db);
  }

  #compile(def: AlertDef): CompiledAlert | null {
    const key = `${def.id}:${JSON.stringify(def.condition)}`;
    let c = this.#compiled.get(key);
    if (!c) {
      try {
        c = compileAlert(def);
      } catch (e) {
        this.#d.logger.warn("alert rule no longer compiles", {
          alert_id: def.id,
          error: (e as Error).message,
        });
        return null;
      }
      if (this.#compiled.size > 50_000) this.#compiled.clear();
      this.#compiled.set(key, c);
    }
    return { def, rule: c.rule };
  }

  /**
   * The symbols a saved screen matches now (its rule over its universe at each symbol's last
   * bar), recomputed only when the screen, the data or (universe "watchlist") the owner's
   * watchlist changed; [] when it is gone or invalid, or its owner's watchlist is empty.
   */
  async #screenMembers(userId: string, screenId: string): Promise<readonly string[]> {
    const saved = await this.#screens.get(userId, screenId);
    if (!saved) return [];
    const req = ScreenRequestSchema.safeParse(saved.spec);
    if (!req.success) return [];
    // "watchlist": the owner's list as it is now, read at each evaluation
    const picked = req.data.universe === "watchlist"
      ? await this.#watchlists.get(userId)
      : req.data.universe;
    if (picked !== "all" && picked.length === 0) return [];
    const list = picked === "all" ? "" : picked.join(",");
    const universe = await this.#universe.all(req.data.interval);
    const hit = this.#screenResults.get(screenId);
    if (
      hit && hit.universe === universe && hit.updated === saved.updated_at && hit.list === list
    ) return hit.members;
    let members: string[] = [];
    try {
      const cols = picked === "all"
        ? universe
        : await this.#universe.pick(picked, req.data.interval);
      members = (await runScreen(req.data, cols, this.#d.now())).rows.map((r) => r.symbol);
    } catch (e) {
      this.#d.logger.warn("alert screen no longer runs", {
        screen_id: screenId,
        error: (e as Error).message,
      });
    }
    if (this.#screenResults.size > 10_000) this.#screenResults.clear();
    this.#screenResults.set(screenId, { universe, updated: saved.updated_at, list, members });
    return members;
  }

  /** Active alerts grouped by symbol (a screen alert under each symbol its screen matches). */
  async #bySymbol(): Promise<Map<string, CompiledAlert[]>> {
    const out = new Map<string, CompiledAlert[]>();
    for (const def of await this.#store.active(this.#d.now())) {
      const c = this.#compile(def);
      if (!c) continue;
      const symbols = def.screenId
        ? await this.#screenMembers(def.userId, def.screenId)
        : def.symbols;
      for (const s of symbols) {
        const list = out.get(s) ?? [];
        list.push(c);
        out.set(s, list);
      }
    }
    return out;
  }

  /** Symbols whose data version changed since the last pass (all of them on the first). */
  async #changedSymbols(): Promise<string[]> {
    const f = await this.#d.db.query<{ n: number; v: number }>(
      "SELECT COUNT(*) AS n, COALESCE(SUM(data_version), 0) AS v FROM symbols",
    );
    const fp = `${f[0]?.n}:${f[0]?.v}`;
    if (fp === this.#fingerprint) return [];
    this.#fingerprint = fp;
    const versions = await this.#d.market.versions();
    const changed = [...versions].filter(([s, v]) => this.#versions.get(s) !== v).map(([s]) => s);
    this.#versions = versions;
    this.#d.series.invalidate();
    return changed;
  }

  /**
   * One pass: the symbols with new data, their active alerts evaluated at the newest bar when
   * it is newer than the symbol's watermark (a symbol seen for the first time only sets it).
   */
  async evaluateNewBars(): Promise<BarPass> {
    const pass: BarPass = { symbols: 0, alerts: 0, fired: [], evalMs: 0 };
    const changed = await this.#changedSymbols();
    if (!changed.length) return pass;
    const alerts = await this.#bySymbol();
    for (const symbol of changed) {
      if (!alerts.has(symbol)) {
        await this.#mark(symbol, (await this.#d.market.extent(symbol)).last);
        continue;
      }
      const series = await this.#d.series.get(symbol).catch(() => null);
      const n = series?.dates.length ?? 0;
      if (!series || n === 0) continue;
      const last = series.dates[n - 1]!;
      const wm = await this.#d.db.query<{ last_date: string }>(
        "SELECT last_date FROM alert_watermarks WHERE symbol = ?",
        [symbol],
      );
      const mark = wm[0]?.last_date;
      if (mark !== undefined && mark >= last) continue;
      const list = mark === undefined ? [] : alerts.get(symbol) ?? [];
      const t0 = performance.now();
      const hits = hitsAtBar(list, series, n - 1);
      pass.evalMs += performance.now() - t0;
      pass.symbols++;
      pass.alerts += list.length;
      for (const hit of hits) {
        const fired = await recordFiring(this.#d.db, this.#d.jobs, {
          alert: hit.alert,
          symbol,
          barDate: last,
          source: "bar",
          values: hit.values,
        }, this.#d.now());
        if (fired) {
          pass.fired.push(fired);
          this.#d.hub?.notify(fired.userId);
        }
      }
      await this.#mark(symbol, last);
    }
    await this.#store.expire(this.#d.now());
    return pass;
  }

  /** Moves the symbol's watermark forward to `last` (never back). */
  async #mark(symbol: string, last: string | null): Promise<void> {
    if (last === null) return;
    await this.#d.db.run(
      `INSERT INTO alert_watermarks (symbol, last_date) VALUES (?, ?)
       ON CONFLICT (symbol) DO UPDATE SET last_date = excluded.last_date
        WHERE alert_watermarks.last_date < excluded.last_date`,
      [symbol, last],
    );
  }

  /**
   * Price-crossing alerts (`once`, `once_per_bar`) on the current quotes: live ones online,
   * the replay clock's bars offline (a quote whose date goes back — the clock starting its
   * window again — only resets the previous price).
   */
  async evaluateQuotes(): Promise<Fired[]> {
    const quote = this.#d.quote;
    if (!quote) return [];
    const fired: Fired[] = [];
    for (const [symbol, list] of await this.#bySymbol()) {
      const price = list.filter((a) =>
        a.def.condition.type === "price" && a.def.trigger !== "once_per_bar_close"
      );
      if (!price.length) continue;
      const q = await quote(symbol).catch(() => null);
      if (!q) continue;
      const last = this.#lastQuote.get(symbol);
      this.#lastQuote.set(symbol, { price: q.price, date: q.date });
      // the offline replay clock starts its window again: a jump back in time is no crossing
      if (last === undefined || q.date < last.date) continue;
      const prev = last.price;
      for (const a of price) {
        const c = a.def.condition;
        if (c.type !== "price" || !crossed(prev, q.price, c.level, c.crosses)) continue;
        const f = await recordFiring(this.#d.db, this.#d.jobs, {
          alert: a.def,
          symbol,
          barDate: q.date,
          source: "quote",
          values: { price: q.price, previous_price: prev, level: c.level, quote: q.source },
        }, this.#d.now());
        if (f) {
          fired.push(f);
          this.#d.hub?.notify(f.userId);
        }
      }
    }
    return fired;
  }

  /**
   * Runs {@link evaluateNewBars} every `barPollMs` and, with a quote source,
   * {@link evaluateQuotes} every `quotePollMs`, until `signal` aborts.
   */
  start(
    { barPollMs = 1000, quotePollMs = 15_000, signal }: {
      barPollMs?: number;
      quotePollMs?: number;
      signal: AbortSignal;
    },
  ): Promise<void> {
    const loop = async (every: number, step: () => Promise<unknown>, what: string) => {
      while (!signal.aborted) {
        try {
          await step();
        } catch (e) {
          this.#d.logger.error(`alert ${what} pass failed`, { error: (e as Error).message });
        }
        await new Promise<void>((r) => {
          const t = setTimeout(r, every);
          signal.addEventListener("abort", () => (clearTimeout(t), r()), { once: true });
        });
      }
    };
    const runs = [loop(barPollMs, () => this.evaluateNewBars(), "bar")];
    if (this.#d.quote) runs.push(loop(quotePollMs, () => this.evaluateQuotes(), "quote"));
    return Promise.all(runs).then(() => {});
  }
}
