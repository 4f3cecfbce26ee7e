/**
 * `deno task import FILE --symbol X [--name N] [--market US] [--currency USD] [--universe]`:
 * validates every row of a daily OHLCV CSV and imports it in one transaction (a bad file
 * imports nothing; rejected rows are listed with their line numbers).
 *
 * `… --interval 1m|5m|15m|30m|1h [--tz ZONE] [--extended]`: an intraday file (a `time` column
 * with offsets, or wall-clock times in a `tz` column's zone, `--tz`'s, or the exchange's);
 * rows outside the trading session are refused and reported, the rest upserted (a re-import
 * writes nothing). Core notices the new data version at its next request.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { IntervalSchema, isIntraday, SymbolParamSchema } from "@trading/shared/schemas";
import { parseCli } from "../cli_args.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { parseOhlcvCsv } from "./csv.ts";
import { formatIntradayReport, importIntradayCsv } from "./intraday_import.ts";
import { IntradayStore } from "./intraday_store.ts";
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
    interval: { type: "string" },
    tz: { type: "string" },
    extended: { type: "boolean" },
  });
  const file = positionals[0];
  if (!file || typeof values.symbol !== "string") {
    fail(
      "usage: deno task import FILE --symbol X [--name N] [--market US] [--currency USD] [--universe]\n" +
        "       [--interval 1d|1m|5m|15m|30m|1h] [--tz America/New_York] [--extended]",
    );
  }
  const sym = SymbolParamSchema.safeParse(values.symbol);
  if (!sym.success) fail(`--symbol: ${sym.error?.issues[0]?.message}`);
  const symbol = sym.data!;
  const iv = IntervalSchema.safeParse(values.interval ?? "1d");
  if (!iv.success) fail(`--interval: ${iv.error?.issues[0]?.message}`);
  const interval = iv.data!;
  if (interval === "1w" || interval === "1mo") {
    fail("--interval: weekly and monthly bars are derived from daily bars; import daily bars (1d)");
  }
  if (isIntraday(interval)) {
    const opts = {
      symbol,
      interval,
      source: `csv:${file!.split("/").pop()}`,
      extended: values.extended === true,
      ...(typeof values.name === "string" ? { name: values.name } : {}),
      ...(typeof values.market === "string" ? { market: values.market } : {}),
      ...(typeof values.currency === "string" ? { currency: values.currency } : {}),
      ...(typeof values.tz === "string" ? { timeZone: values.tz } : {}),
    };
    const text = await Deno.readTextFile(file!);
    const config = loadConfig(CoreEnvSchema, Deno.env.toObject());
    const db = await openDatabase(config.DATABASE_URL);
    try {
      await migrateUp(db);
      const report = await importIntradayCsv(new IntradayStore(db), text, opts);
      for (const line of formatIntradayReport(file!, opts, report)) print(line);
      if (report.rejected.length || report.valid === 0) Deno.exitCode = 1;
    } catch (e) {
      fail(`${file}: ${(e as Error).message}`);
    } finally {
      await db.close();
    }
    return;
  }
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
    // a CSV-imported symbol is the user's: the embedded seed never replaces or moves it
    const basis = (await repo.basisOf(symbol)) === "split_adjusted" ? "split_adjusted" : "raw";
    await repo.setSource(symbol, "csv", basis);
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
