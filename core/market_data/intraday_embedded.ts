/**
 * The bundled intraday dataset (`<DATA_DIR>/intraday/`: real hourly bars of SPY, AAPL, IBM and
 * BAC, 1998–2021, from QuantConnect LEAN; see its SOURCES.md) and its loading into the intraday
 * store.
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
import type { IntradayStore } from "./intraday_store.ts";

/** One file of the bundled intraday dataset. */
export interface IntradayManifestEntry {
  /** Ticker. */
  symbol: string;
  /** Display name. */
  name: string;
  /** Interval of the file's bars. */
  interval: IntradayInterval;
  /** Path below the manifest's folder. */
  file: string;
  /** Number of bars. */
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
