/**
 * `deno task import FILE --symbol X [--name N] [--market US] [--currency USD] [--universe]`:
 * validates every row of a daily OHLCV CSV and imports it in one transaction (a bad file
 * imports nothing; rejected rows are listed with their line numbers).
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { SymbolParamSchema } from "@trading/shared/schemas";
import { parseCli } from "../cli_args.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { parseOhlcvCsv } from "./csv.ts";
import { MarketRepository } from "./repository.ts";

const print = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));
const fail = (s: string): never => {
  Deno.stderr.writeSync(new TextEncoder().encode(s + "\n"));
  Deno.exit(1);
};

/** Runs the import with command-line `args`. */
export async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseCli(args, {
    symbol: { type: "string", short: "s" },
    name: { type: "string" },
    market: { type: "string" },
    currency: { type: "string" },
    universe: { type: "boolean" },
  });
  const file = positionals[0];
  if (!file || typeof values.symbol !== "string") {
    fail(
      "usage: deno task import FILE --symbol X [--name N] [--market US] [--currency USD] [--universe]",
    );
  }
  const sym = SymbolParamSchema.safeParse(values.symbol);
  if (!sym.success) fail(`--symbol: ${sym.error?.issues[0]?.message}`);
  const symbol = sym.data!;
  const { bars, rejected } = parseOhlcvCsv(await Deno.readTextFile(file!));
  if (rejected.length) {
    print(`${file}: ${rejected.length} row(s) rejected, nothing imported:`);
    for (const r of rejected.slice(0, 50)) print(`  line ${r.line}: ${r.reason}`);
    if (rejected.length > 50) print(`  … and ${rejected.length - 50} more`);
    Deno.exit(1);
  }
  if (bars.length === 0) fail(`${file}: no rows to import`);
  const config = loadConfig(CoreEnvSchema, Deno.env.toObject());
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await migrateUp(db);
    const repo = new MarketRepository(db);
    const written = await repo.importBars(
      {
        symbol,
        name: typeof values.name === "string" ? values.name : symbol,
        market: typeof values.market === "string" ? values.market : "US",
        currency: typeof values.currency === "string" ? values.currency : "USD",
        source: `csv:${file!.split("/").pop()}`,
      },
      bars,
      { inUniverse: values.universe === true },
    );
    print(
      `${symbol}: ${bars.length} rows validated, ${written} written (${bars[0]!.date} .. ${
        bars.at(-1)!.date
      })`,
    );
  } finally {
    await db.close();
  }
}

if (import.meta.main) await runImport(Deno.args);
