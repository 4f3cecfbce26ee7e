/**
 * Hit rate of the chart patterns on the bundled real data: runs detection on every
 * `core/data/market/*.csv`, follows each confirmed pattern from the close of its end bar for
 * `--horizon` bars (default 60) and counts whether the measured-move target is touched before a
 * close beyond the invalidation level (see core/patterns/outcome.ts). Prints one row per kind:
 * count, hit %, stopped %, expired %, still open, mean reward/risk, and the hit % a driftless
 * random walk would give with the same distances (mean of risk / (risk + reward)) as a baseline.
 *
 * Run: `deno task patterns:hit-rate [--horizon 60] [--min-confidence 0]`
 *
 * @module
 */
import { parseOhlcvCsv } from "../core/market_data/csv.ts";
import { seriesFromBars } from "../core/market_data/series.ts";
import { CHART_PATTERN_KINDS, detectChartPatterns, patternOutcome } from "../core/patterns/mod.ts";

const out = (line: string) => Deno.stdout.writeSync(new TextEncoder().encode(line + "\n"));
const arg = (name: string, def: number) => {
  const i = Deno.args.indexOf(name);
  const v = i >= 0 ? Number(Deno.args[i + 1]) : def;
  if (!Number.isFinite(v) || v < 0) throw new Error(`${name} must be a non-negative number`);
  return v;
};
const horizon = arg("--horizon", 60);
const minConfidence = arg("--min-confidence", 0);

interface Tally {
  n: number;
  hit: number;
  stopped: number;
  expired: number;
  open: number;
  rr: number[];
  barsToHit: number[];
}
const tally = (): Tally => ({
  n: 0,
  hit: 0,
  stopped: 0,
  expired: 0,
  open: 0,
  rr: [],
  barsToHit: [],
});
const rows = new Map<string, Tally>();
const total = tally(), strong = tally(), weak = tally();

const dir = new URL("../core/data/market/", import.meta.url);
const files = [...Deno.readDirSync(dir)].filter((e) => e.isFile && e.name.endsWith(".csv"))
  .map((e) => e.name).sort();
let bars = 0;
for (const file of files) {
  const { bars: rowsOf, rejected } = parseOhlcvCsv(Deno.readTextFileSync(new URL(file, dir)));
  if (rejected.length) throw new Error(`${file}: ${rejected.length} rejected rows`);
  const s = seriesFromBars(file.replace(/\.csv$/, ""), rowsOf);
  bars += s.close.length;
  for (const m of detectChartPatterns(s, { minConfidence })) {
    const o = patternOutcome(s, m, { horizon });
    if (!o) continue;
    const t = rows.get(m.kind) ?? tally();
    rows.set(m.kind, t);
    for (const x of [t, total, m.confidence >= 0.7 ? strong : weak]) {
      x.n++;
      x[o.outcome]++;
      if (o.rewardRisk !== null) x.rr.push(o.rewardRisk);
      if (o.outcome === "hit") x.barsToHit.push(o.bars);
    }
  }
}

const pct = (a: number, b: number) => (b ? `${(100 * a / b).toFixed(1)}%` : "–");
const mean = (xs: number[]) => xs.length ? xs.reduce((a, x) => a + x, 0) / xs.length : NaN;
const line = (name: string, t: Tally) => {
  const closed = t.hit + t.stopped + t.expired;
  const rw = mean(t.rr.map((r) => 1 / (1 + r)));
  out(
    `| ${name.padEnd(28)} | ${String(t.n).padStart(5)} | ${pct(t.hit, closed).padStart(6)} | ${
      pct(t.stopped, closed).padStart(7)
    } | ${pct(t.expired, closed).padStart(7)} | ${String(t.open).padStart(4)} | ${
      Number.isNaN(mean(t.rr)) ? "–" : mean(t.rr).toFixed(2).padStart(5)
    } | ${pct(t.hit, t.hit + t.stopped).padStart(9)} | ${
      Number.isNaN(rw) ? "–" : `${(100 * rw).toFixed(1)}%`.padStart(7)
    } | ${Number.isNaN(mean(t.barsToHit)) ? "–" : mean(t.barsToHit).toFixed(1).padStart(8)} |`,
  );
};

out(
  `Confirmed chart patterns on ${files.length} bundled files (${bars} real daily bars), ` +
    `target vs. invalidation within ${horizon} bars${
      minConfidence ? `, confidence ≥ ${minConfidence}` : ""
    }.`,
);
out("Percentages are of the resolved ones (hit + stopped + expired); `open` ran out of data.");
out("");
out(
  "| kind                         | count |  hit % | stopped | expired | open |   R:R | hit/(h+s) | RW hit% | bars→hit |",
);
out(
  "| ---------------------------- | ----: | -----: | ------: | ------: | ---: | ----: | --------: | ------: | -------: |",
);
for (const k of CHART_PATTERN_KINDS) if (rows.has(k)) line(k, rows.get(k)!);
line("all", total);
line("all, confidence ≥ 0.7", strong);
line("all, confidence < 0.7", weak);
out("");
out("R:R = mean |target − entry| / |entry − invalidation|; hit/(h+s) = hits among hit or stopped;");
out("RW hit% = mean risk/(risk + reward): the chance a driftless random walk touches the target");
out("before the stop (no horizon), the baseline to compare hit/(h+s) with.");
