/**
 * Import of an intraday CSV (`deno task import FILE --symbol X --interval 5m`): validates every
 * row, refuses the rows outside the trading session (reported: count and first examples) and
 * upserts the rest idempotently. Invalid rows stop the import (nothing written), as for daily
 * files.
 *
 * @module
 */
import { INTRADAY_MINUTES, type IntradayInterval } from "@trading/shared/schemas";
import { parseIntradayCsv, type RejectedRow } from "../intraday/intraday_csv.ts";
import { sessionOf, timeZoneOfMarket } from "../intraday/session.ts";
import { isoLocal } from "../intraday/zoned_time.ts";
import type { IntradayStore } from "./intraday_store.ts";

/** What to import and how. */
export interface IntradayImportOptions {
  /** Ticker. */
  symbol: string;
  /** Interval of the file's bars. */
  interval: IntradayInterval;
  /** Display name (default: the ticker). */
  name?: string;
  /** Market code (default `US`); gives the exchange's time zone and session. */
  market?: string;
  /** Price currency (default `USD`, `TWD` for TW). */
  currency?: string;
  /** Zone of wall-clock times without offset or `tz` column (default: the exchange's). */
  timeZone?: string;
  /** Accept pre- and post-market bars (default false). */
  extended?: boolean;
  /** Recorded source, e.g. `csv:file.csv`. */
  source: string;
}

/** Outcome of {@link importIntradayCsv}. */
export interface IntradayImportReport {
  /** Rows valid and inside the session. */
  valid: number;
  /** Rows inserted or changed (0 on a re-import of the same file). */
  written: number;
  /** Invalid rows: when any, nothing was written. */
  rejected: RejectedRow[];
  /** Valid rows refused for lying outside the session (not imported). */
  outside: RejectedRow[];
  /** Exchange-local time of the first and last imported bar. */
  span: [string, string] | null;
}

/** Validates and imports `text`; see the module doc. */
export async function importIntradayCsv(
  store: IntradayStore,
  text: string,
  o: IntradayImportOptions,
): Promise<IntradayImportReport> {
  const market = o.market ?? "US";
  const session = sessionOf(timeZoneOfMarket(market));
  const parsed = parseIntradayCsv(text, {
    minutes: INTRADAY_MINUTES[o.interval],
    session,
    extended: o.extended ?? false,
    timeZone: o.timeZone ?? session.timeZone,
  });
  const { bars, rejected, outside } = parsed;
  const span: [string, string] | null = bars.length
    ? [isoLocal(session.timeZone, bars[0]!.ts), isoLocal(session.timeZone, bars.at(-1)!.ts)]
    : null;
  if (rejected.length || bars.length === 0) {
    return { valid: bars.length, written: 0, rejected, outside, span };
  }
  const written = await store.write(
    {
      symbol: o.symbol,
      name: o.name ?? o.symbol,
      market,
      currency: o.currency ?? (market === "TW" ? "TWD" : "USD"),
      source: o.source,
      timeZone: session.timeZone,
    },
    o.interval,
    bars,
  );
  return { valid: bars.length, written, rejected, outside, span };
}

/** The report as lines for a terminal (at most `examples` refused rows of each kind). */
export function formatIntradayReport(
  file: string,
  o: Pick<IntradayImportOptions, "symbol" | "interval" | "extended">,
  r: IntradayImportReport,
  examples = 5,
): string[] {
  const lines: string[] = [];
  const list = (rows: RejectedRow[]) => {
    for (const x of rows.slice(0, examples)) lines.push(`  line ${x.line}: ${x.reason}`);
    if (rows.length > examples) lines.push(`  … and ${rows.length - examples} more`);
  };
  if (r.rejected.length) {
    lines.push(`${file}: ${r.rejected.length} invalid row(s), nothing imported:`);
    list(r.rejected);
    return lines;
  }
  if (r.outside.length) {
    const which = o.extended ? "extended" : "regular";
    lines.push(
      `${file}: ${r.outside.length} row(s) outside the ${which} session refused (not imported)` +
        (o.extended ? ":" : "; --extended accepts pre- and post-market bars:"),
    );
    list(r.outside);
  }
  if (r.valid === 0) lines.push(`${file}: no rows to import`);
  else {
    lines.push(
      `${o.symbol} ${o.interval}: ${r.valid} rows validated, ${r.written} written (${
        r.span![0]
      } .. ${r.span![1]})`,
    );
  }
  return lines;
}
