/**
 * The data loaded on first use of a symbol (`<DATA_DIR>/intraday/manifest.json`): real hourly
 * bars of SPY, AAPL, IBM and BAC, 1998–2021, and real daily bars of symbols outside the embedded
 * daily set (SPY, IBM, BAC, QQQ, GOOGL, IWM, EEM, AIG) with their split and dividend factors,
 * all from QuantConnect LEAN (see the SOURCES.md files beside them).
 *
 * The files hold ~163,000 bars: loading them at every start (as the 13 daily files are) would
 * cost each start, and every test app, about a second. They are loaded on first use instead:
 * the first intraday request for one of these symbols loads that symbol's file (idempotent,
 * so concurrent instances and restarts are harmless), later ones read the store.
 *
 * @module
 */
import type { IntradayInterval } from "@trading/shared/schemas";
import { parseIntradayCsv } from "../intraday/intraday_csv.ts";
import { sessionOf } from "../intraday/session.ts";
import { INTRADAY_MINUTES } from "@trading/shared/schemas";
import { parseOhlcvCsv } from "./csv.ts";
import type { IntradayStore } from "./intraday_store.ts";
import { actionsFromLeanFactors } from "./lean_factors.ts";
import type { OnlineStore } from "./online_store.ts";
import type { MarketRepository } from "./repository.ts";

/**
 * One symbol of the data loaded on first use: its intraday file, and/or its daily file (for a
 * symbol outside the embedded daily set) with its factor file.
 */
export interface IntradayManifestEntry {
  /** Ticker. */
  symbol: string;
  /** Display name. */
  name: string;
  /** Interval of the intraday file's bars (none for a daily-only entry). */
  interval?: IntradayInterval;
  /** Intraday file, below the manifest's folder. */
  file?: string;
  /** Number of bars of the intraday (or, daily-only, the daily) file. */
  rows: number;
  /** IANA time zone of the exchange. */
  time_zone: string;
  /** Market code. */
  market: string;
  /** Price currency. */
  currency: string;
  /** Where the data comes from. */
  source: string;
  /** Version (commit) of the source. */
  version: string;
  /** Licence of the source. */
  license: string;
  /** LEAN factor file of the symbol (splits and dividends), below the manifest's folder. */
  factors?: string;
  /**
   * Daily bars of a symbol outside the embedded daily set (SPY, IBM, BAC: LEAN daily, raw),
   * below the manifest's folder; loaded with the symbol's intraday bars.
   */
  daily?: string;
}

/** Reads `<dir>/manifest.json`; an absent folder is an empty dataset. */
export async function readIntradayManifest(dir: string): Promise<IntradayManifestEntry[]> {
  try {
    const m = JSON.parse(await Deno.readTextFile(`${dir}/manifest.json`)) as {
      symbols: IntradayManifestEntry[];
    };
    return m.symbols;
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
}

/**
 * Loads one bundled file into the store unless it is there already (same number of bars at
 * its interval). Returns the rows written. A file that fails validation throws with its line
 * numbers: the bundled data is never silently altered.
 */
export async function seedIntradayEntry(
  store: IntradayStore,
  dir: string,
  entry: IntradayManifestEntry,
): Promise<number> {
  if (!entry.interval || !entry.file) return 0;
  const stored = (await store.extents(entry.symbol)).find((e) => e.interval === entry.interval);
  if (stored && stored.bars >= entry.rows) return 0;
  const text = await Deno.readTextFile(`${dir}/${entry.file}`);
  const { bars, rejected, outside } = parseIntradayCsv(text, {
    minutes: INTRADAY_MINUTES[entry.interval],
    session: sessionOf(entry.time_zone),
  });
  const refused = [...rejected, ...outside];
  if (refused.length) {
    const first = refused.slice(0, 5).map((r) => `line ${r.line}: ${r.reason}`).join("; ");
    throw new Error(
      `Cannot load ${entry.symbol}: ${entry.file} has ${refused.length} refused rows (${first})`,
    );
  }
  return await store.write(
    {
      symbol: entry.symbol,
      name: entry.name,
      market: entry.market,
      currency: entry.currency,
      source: `${entry.source}@${entry.version.slice(0, 12)} (${entry.license})`,
      timeZone: entry.time_zone,
    },
    entry.interval,
    bars,
  );
}

/**
 * Loads the daily file of a bundled entry (with its factor file's splits and dividends, prices
 * raw) unless the symbol already has daily bars. The symbol stays outside the default
 * universe. Returns the rows written.
 */
export async function seedDailyEntry(
  market: MarketRepository,
  online: OnlineStore,
  dir: string,
  entry: IntradayManifestEntry,
  { now = new Date().toISOString() }: { now?: string } = {},
): Promise<number> {
  if (!entry.daily || (await market.extent(entry.symbol)).bars > 0) return 0;
  const { bars, rejected } = parseOhlcvCsv(await Deno.readTextFile(`${dir}/${entry.daily}`));
  if (rejected.length) {
    const first = rejected.slice(0, 5).map((r) => `line ${r.line}: ${r.reason}`).join("; ");
    throw new Error(`Cannot load ${entry.symbol}: ${entry.daily} has invalid rows (${first})`);
  }
  const actions = entry.factors
    ? actionsFromLeanFactors(
      await Deno.readTextFile(`${dir}/${entry.factors}`),
      bars.map((b) => b.date),
    )
    : { splits: [], dividends: [] };
  return await online.applyRefresh({
    symbol: entry.symbol,
    name: entry.name,
    rename: false,
    market: entry.market,
    currency: entry.currency,
    provider: "embedded",
    basis: "raw",
    inUniverse: false,
    replaceAll: false,
    bars,
    rescale: [],
    splits: actions.splits,
    dividends: actions.dividends,
    now,
  });
}
