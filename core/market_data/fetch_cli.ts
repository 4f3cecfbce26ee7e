/**
 * `deno task fetch SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD]`: backfills or refreshes a
 * symbol from its online provider (Yahoo Finance, or TWSE for `.TW`) with a progress bar;
 * a contradicting answer is quarantined and reported, never applied.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig, readEnv } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { SymbolParamSchema } from "@trading/shared/schemas";
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
  });
  const sym = SymbolParamSchema.safeParse(positionals[0] ?? "");
  if (!sym.success) {
    write("usage: deno task fetch SYMBOL [--from YYYY-MM-DD] [--to YYYY-MM-DD]\n");
    return 2;
  }
  const config = loadConfig(CoreEnvSchema, { ...readEnv(CoreEnvSchema), SEED_DATA: "none" });
  const deps = await buildDeps(config, createLogger({ service: "fetch", level: "warn" }));
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
