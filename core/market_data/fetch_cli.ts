/**
 * `deno task fetch SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: backfills or refreshes a
 * symbol from its online provider (Yahoo Finance, or TWSE for `.TW`) with a progress bar;
 * a contradicting answer is quarantined and reported, never applied.
 *
 * `… --interval 1m|5m|15m|30m|1h [--extended]`: intraday bars from Yahoo Finance (Taiwan's
 * `NNNN.TW` too: TWSE has no intraday API) into the intraday store, by default as far back as Yahoo keeps them (1m: 30 days; 5m–30m: 60 days;
 * 1h: 730 days); an older `--from` is refused with that limit.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig, readEnv } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { IntervalSchema, isIntraday, SymbolParamSchema } from "@trading/shared/schemas";
import { YAHOO_INTRADAY_LIMITS } from "../providers/yahoo_intraday.ts";
import type { YahooProvider } from "../providers/yahoo.ts";
import { fetchIntraday } from "./intraday_fetch.ts";
import { IntradayStore } from "./intraday_store.ts";
import { parseCli } from "../cli_args.ts";
import { buildDeps } from "../deps.ts";
import { refreshSymbol } from "./refresh.ts";

const enc = new TextEncoder();
const write = (s: string) => Deno.stdout.writeSync(enc.encode(s));

/** A one-line progress bar, e.g. `[#####.....] 5/10`. */
export function progressBar(done: number, total: number, width = 30): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}

/** Runs the fetch with command-line `args`. */
export async function runFetch(args: string[]): Promise<number> {
  const { values, positionals } = parseCli(args, {
    from: { type: "string" },
    to: { type: "string" },
    interval: { type: "string" },
    extended: { type: "boolean" },
  });
  const sym = SymbolParamSchema.safeParse(positionals[0] ?? "");
  if (!sym.success) {
    write(
      "usage: deno task fetch SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--interval 1m|5m|15m|30m|1h] [--extended]\n",
    );
    return 2;
  }
  const iv = IntervalSchema.safeParse(values.interval ?? "1d");
  if (!iv.success || iv.data === "1w" || iv.data === "1mo") {
    write("--interval: one of 1d (default), 1m, 5m, 15m, 30m, 1h\n");
    return 2;
  }
  const interval = iv.data;
  const config = loadConfig(CoreEnvSchema, { ...readEnv(CoreEnvSchema), SEED_DATA: "none" });
  const deps = await buildDeps(config, createLogger({ service: "fetch", level: "warn" }));
  if (isIntraday(interval)) {
    try {
      const now = Date.now();
      const at = (s: unknown, fallback: number) =>
        typeof s === "string" ? Date.parse(s.length === 10 ? `${s}T00:00:00Z` : s) : fallback;
      const from = at(
        values.from,
        now - YAHOO_INTRADAY_LIMITS[interval].backDays * 86_400_000 + 60_000,
      );
      const to = at(values.to, now);
      if (!Number.isFinite(from) || !Number.isFinite(to)) {
        throw new Error("--from/--to: not a date");
      }
      const r = await fetchIntraday(
        new IntradayStore(deps.db),
        deps.providers.yahoo as YahooProvider,
        sym.data,
        interval,
        { from, to, now, extended: values.extended === true, signal: deps.shutdown.signal },
      );
      write(
        `${sym.data} ${interval}: ${r.bars} bars from Yahoo Finance, ${r.written} written${
          r.span ? ` (${r.span[0]} .. ${r.span[1]})` : ""
        }\n`,
      );
      return 0;
    } catch (e) {
      write(`${sym.data}: ${(e as Error).message}\n`);
      return 1;
    } finally {
      await deps.db.close();
    }
  }
  try {
    const r = await refreshSymbol(deps, sym.data, {
      ...(typeof values.from === "string" ? { from: values.from } : {}),
      ...(typeof values.to === "string" ? { to: values.to } : {}),
      onProgress: (d, t) => write(`\r${sym.data} ${progressBar(d, t)}`),
    });
    write(
      `\n${r.symbol}: ${r.status} via ${r.provider}, ${r.written} new bars, as of ${
        r.as_of ?? "-"
      }${r.reason ? ` (${r.reason})` : ""}\n`,
    );
    return r.status === "quarantined" ? 1 : 0;
  } catch (e) {
    write(`\n${sym.data}: ${(e as Error).message}\n`);
    return 1;
  } finally {
    await deps.db.close();
  }
}

if (import.meta.main) Deno.exit(await runFetch(Deno.args));
