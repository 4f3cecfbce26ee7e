import { parseOhlcvCsv } from "./csv.ts";
import { actionsFromLeanFactors } from "./lean_factors.ts";
import type { OnlineStore } from "./online_store.ts";
import type { MarketRepository, SymbolMeta } from "./repository.ts";

interface ManifestEntry {
  symbol: string;
  name: string;
  file: string;
  rows: number;
  source: string;
  version: string;
  license: string;
  note?: string;
  /** LEAN factor file (splits and dividends) of a file of raw prices, below the data folder. */
  factors?: string;
}

/** Names shown for the embedded symbols (the manifest's are descriptive, not display names). */
const DISPLAY_NAMES: Record<string, string> = {
  SPY: "SPDR S&P 500 ETF Trust",
  QQQ: "Invesco QQQ Trust",
  AAPL: "Apple Inc.",
  GOOGL: "Alphabet Inc. Class A",
  MSFT: "Microsoft Corp.",
  AMZN: "Amazon.com Inc.",
  NVDA: "NVIDIA Corp.",
  TSLA: "Tesla Inc.",
  NFLX: "Netflix Inc.",
  FB: "Meta Platforms (Facebook)",
  INTC: "Intel Corp.",
  AMD: "Advanced Micro Devices Inc.",
  CSCO: "Cisco Systems Inc.",
};

/** Outcome of seeding one symbol. */
export interface SeedResult {
  /** Ticker. */
  symbol: string;
  /** Rows written (0 when already loaded). */
  written: number;
  /** Bars in the bundled file. */
  bars: number;
}

/**
 * Loads the bundled real OHLCV (the default universe listed in `manifest.json` of `dataDir`)
 * into the database. Idempotent: a symbol whose stored bars already match the file is skipped.
 * A file with a LEAN factor file (SPY, QQQ, AAPL, GOOGL: raw prices) is stored raw with the
 * factor file's splits and dividends as corporate actions (so `adjust=split|all` works), in
 * one transaction that replaces an embedded symbol's older bundled history (AAPL was Yahoo's
 * 2013–2018 file before LEAN's 1998–2021). A symbol served by an online provider or a CSV
 * import is never touched; embedded symbols no longer in the manifest (SPX, GOOG, QCOM, the
 * stand-ins of earlier releases) leave the default universe with their bars kept. A file that
 * fails validation stops the seed with its line numbers (the bundled data is never silently
 * altered).
 */
export async function seedEmbedded(
  repo: MarketRepository,
  online: OnlineStore,
  dataDir: string,
  { now = new Date().toISOString() }: { now?: string } = {},
): Promise<SeedResult[]> {
  const manifest = JSON.parse(await Deno.readTextFile(`${dataDir}/manifest.json`)) as {
    symbols: ManifestEntry[];
  };
  const results: SeedResult[] = [];
  for (const entry of manifest.symbols) {
    const text = await Deno.readTextFile(`${dataDir}/${entry.file}`);
    const { bars, rejected } = parseOhlcvCsv(text);
    if (rejected.length) {
      const first = rejected.slice(0, 5).map((r) => `line ${r.line}: ${r.reason}`).join("; ");
      throw new Error(
        `Cannot seed ${entry.symbol}: ${entry.file} has ${rejected.length} invalid rows (${first})`,
      );
    }
    const provider = await repo.providerOf(entry.symbol);
    if (provider !== null && provider !== "embedded") {
      results.push({ symbol: entry.symbol, written: 0, bars: bars.length });
      continue; // now served by an online provider or a CSV import: never mix sources
    }
    const name = DISPLAY_NAMES[entry.symbol] ?? entry.name;
    const source = `${entry.source}@${entry.version.slice(0, 12)} (${entry.license})`;
    const stored = await repo.extent(entry.symbol);
    const basis = entry.factors
      ? "raw"
      : /split-adjusted/i.test(entry.note ?? "")
      ? "split_adjusted"
      : "raw";
    if (
      stored.bars === bars.length && stored.last === bars.at(-1)?.date &&
      (await repo.basisOf(entry.symbol)) === basis
    ) {
      await repo.joinUniverse(entry.symbol); // e.g. SPY, loaded on first use by an older release
      results.push({ symbol: entry.symbol, written: 0, bars: bars.length });
      continue;
    }
    let written: number;
    if (entry.factors) {
      const actions = actionsFromLeanFactors(
        await Deno.readTextFile(`${dataDir}/${entry.factors}`),
        bars.map((b) => b.date),
      );
      written = await online.applyRefresh({
        symbol: entry.symbol,
        name,
        rename: true,
        market: "US",
        currency: "USD",
        provider: "embedded",
        basis: "raw",
        inUniverse: true,
        replaceAll: stored.bars > 0, // a bundled history of another source or basis
        bars,
        rescale: [],
        splits: actions.splits,
        dividends: actions.dividends,
        now,
      });
      await repo.describeSource(entry.symbol, source);
    } else {
      const meta: SymbolMeta = {
        symbol: entry.symbol,
        name,
        market: "US",
        currency: "USD",
        source,
      };
      written = await repo.importBars(meta, bars, { inUniverse: true, replace: false });
      await repo.setSource(entry.symbol, "embedded", basis);
    }
    results.push({ symbol: entry.symbol, written, bars: bars.length });
  }
  await repo.leaveUniverse(manifest.symbols.map((e) => e.symbol), "embedded");
  if (results.some((r) => r.written > 0)) await repo.analyze();
  return results;
}
