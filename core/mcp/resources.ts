/**
 * MCP resources: the symbol list (`trading://symbols`), each symbol's data source and licence
 * (`trading://symbols/{symbol}/source`, from the bundled dataset's `manifest.json`, else the
 * stored symbol's provider) and the dataset's attribution note (`trading://data/sources`).
 * Nothing here fetches a URL: a symbol is only a key into what core already stores.
 *
 * @module
 */
import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { Variables } from "@modelcontextprotocol/sdk/shared/uriTemplate.js";
import type { SymbolInfo, SymbolsResponse } from "@trading/shared/schemas";
import type { ApiClient } from "./dispatch.ts";

/** One bundled file as `manifest.json` describes it. */
export interface ManifestEntry {
  symbol: string;
  name?: string;
  rows?: number;
  first?: string;
  last?: string;
  source?: string;
  version?: string;
  path?: string;
  license?: string;
  note?: string;
}

/** The bundled dataset's attribution: `SOURCES.md` and `manifest.json` of `DATA_DIR`. */
export interface DataNotes {
  /** `SOURCES.md` (empty when missing). */
  sources: string;
  /** Manifest entries by symbol. */
  manifest: ReadonlyMap<string, ManifestEntry>;
}

/** Reads `SOURCES.md` and `manifest.json` of the data directory (missing files: empty notes). */
export async function readDataNotes(dataDir: string): Promise<DataNotes> {
  const read = (name: string) => Deno.readTextFile(`${dataDir}/${name}`).catch(() => "");
  const [sources, manifestText] = await Promise.all([read("SOURCES.md"), read("manifest.json")]);
  let entries: ManifestEntry[] = [];
  try {
    entries = (JSON.parse(manifestText) as { symbols?: ManifestEntry[] }).symbols ?? [];
  } catch { /* no manifest: every symbol is described by its stored source */ }
  return { sources, manifest: new Map(entries.map((e) => [e.symbol.toUpperCase(), e])) };
}

/**
 * The data-source note of one symbol: the bundled file's package, version, licence and quirks,
 * or the provider it was loaded from.
 *
 * @example
 * ```ts
 * import { sourceNote } from "./resources.ts";
 * const text = sourceNote(
 *   { symbol: "AAPL", license: "ISC (package); data from Yahoo Finance" },
 *   undefined,
 * );
 * text.includes("ISC"); // true
 * ```
 */
export function sourceNote(entry: ManifestEntry | undefined, info: SymbolInfo | undefined): string {
  const symbol = entry?.symbol ?? info?.symbol ?? "?";
  const lines = [
    `# ${symbol}${entry?.name ?? info?.name ? ` — ${entry?.name ?? info?.name}` : ""}`,
  ];
  if (info) {
    lines.push(`- stored: ${info.bars} daily bars, ${info.first ?? "?"} .. ${info.last ?? "?"}`);
    lines.push(`- market: ${info.market}, currency ${info.currency}, source: ${info.source}`);
  }
  if (entry) {
    lines.push(
      `- bundled file: ${entry.rows ?? "?"} rows, ${entry.first ?? "?"} .. ${entry.last ?? "?"}`,
      `- from: ${entry.source ?? "?"} ${entry.version ?? ""} (${entry.path ?? "?"})`.trimEnd(),
      `- licence: ${entry.license ?? "see SOURCES.md"}`,
    );
    if (entry.note) lines.push(`- note: ${entry.note}`);
  } else {
    lines.push(
      "- not part of the bundled dataset: loaded from the provider above; the provider's " +
        "terms apply",
    );
  }
  return lines.join("\n") + "\n";
}

/** Registers the resources on `server`, reading symbols through `api`. */
export function registerResources(server: McpServer, api: ApiClient, notes: DataNotes): void {
  const symbols = async () =>
    (await api.call<SymbolsResponse>({ method: "GET", path: "/symbols", query: { all: "true" } }))
      .symbols;
  server.registerResource("symbols", "trading://symbols", {
    title: "Symbols",
    description: "Every stored symbol with its history extent and source (JSON)",
    mimeType: "application/json",
  }, async (uri: URL) => ({
    contents: [{
      uri: uri.href,
      mimeType: "application/json",
      text: JSON.stringify(await symbols()),
    }],
  }));
  server.registerResource(
    "data_sources",
    "trading://data/sources",
    {
      title: "Data sources and licences",
      description: "Where the bundled price history comes from, its licences and known quirks",
      mimeType: "text/markdown",
    },
    (uri: URL) => ({
      contents: [{ uri: uri.href, mimeType: "text/markdown", text: notes.sources }],
    }),
  );
  server.registerResource(
    "symbol_source",
    new ResourceTemplate("trading://symbols/{symbol}/source", {
      list: async () => ({
        resources: (await symbols()).map((s) => ({
          uri: `trading://symbols/${encodeURIComponent(s.symbol)}/source`,
          name: `${s.symbol} data source`,
          mimeType: "text/markdown",
        })),
      }),
    }),
    {
      title: "A symbol's data source and licence",
      description: "Provider, package, licence and known quirks of one symbol's price history",
      mimeType: "text/markdown",
    },
    async (uri: URL, vars: Variables) => {
      const symbol = decodeURIComponent(String(vars.symbol ?? "")).toUpperCase();
      const info = (await symbols()).find((s) => s.symbol === symbol);
      const entry = notes.manifest.get(symbol);
      if (!info && !entry) throw new Error(`Unknown symbol ${symbol}: see trading://symbols`);
      return {
        contents: [{ uri: uri.href, mimeType: "text/markdown", text: sourceNote(entry, info) }],
      };
    },
  );
}
