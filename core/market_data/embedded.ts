import { parseOhlcvCsv } from "./csv.ts";
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
}

/** Names shown for the embedded symbols (the manifest's are descriptive, not display names). */
const DISPLAY_NAMES: Record<string, string> = {
  SPX: "S&P 500 Index",
  AAPL: "Apple Inc.",
  GOOG: "Alphabet Inc. (Google) Class C",
  MSFT: "Microsoft Corp.",
  AMZN: "Amazon.com Inc.",
  NVDA: "NVIDIA Corp.",
  TSLA: "Tesla Inc.",
  NFLX: "Netflix Inc.",
  FB: "Meta Platforms (Facebook)",
  INTC: "Intel Corp.",
  AMD: "Advanced Micro Devices Inc.",
  CSCO: "Cisco Systems Inc.",
  QCOM: "Qualcomm Inc.",
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
 * into the database. Idempotent: a symbol whose stored bars already match the file is skipped;
 * a partly loaded one is completed. A file that fails validation stops the seed with its
 * line numbers (the bundled data is never silently altered).
 */
export async function seedEmbedded(repo: MarketRepository, dataDir: string): Promise<SeedResult[]> {
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
    const stored = await repo.extent(entry.symbol);
    if (stored.bars === bars.length && stored.last === bars.at(-1)?.date) {
      results.push({ symbol: entry.symbol, written: 0, bars: bars.length });
      continue;
    }
    const meta: SymbolMeta = {
      symbol: entry.symbol,
      name: DISPLAY_NAMES[entry.symbol] ?? entry.name,
      market: "US",
      currency: "USD",
      source: `${entry.source}@${entry.version} (${entry.license})`,
    };
    const written = await repo.importBars(meta, bars, { inUniverse: true, replace: false });
    await repo.setSource(
      entry.symbol,
      "embedded",
      /split-adjusted/i.test(entry.note ?? "") ? "split_adjusted" : "raw",
    );
    results.push({ symbol: entry.symbol, written, bars: bars.length });
  }
  if (results.some((r) => r.written > 0)) await repo.analyze();
  return results;
}
