/**
 * Alert evaluation benchmark (issue 16): 10,000 active alerts over 1,000 symbols evaluated at
 * a new bar — what the alert engine does per new bar, without recording or delivery. Each
 * symbol has 10 alerts: 4 price crossings, 3 % moves and 3 rules of the rule language
 * (`rsi(14) crosses_above 30`, `close > sma(50) and volume > 1.5 * sma(volume, 20)`,
 * `sma(20) crosses_above sma(50)`), compiled once as the engine does. Baseline: the plain
 * loop — the same conditions hand-written over the same columns (the rules as direct calls of
 * `rsi`/`sma`). Target: ≤ 100 ms per bar. Run `deno bench -A bench/alerts_bench.ts`; the
 * group summary prints the ratio.
 *
 * Data (real prices only): 1,000 windows of 2,520 consecutive real SPX daily bars from
 * `core/data/market/extra/SPX.csv` (window k starts at bar (k × 7) mod (5,105 − 2,520)).
 *
 * @module
 */
import type { Cols } from "../core/backtest/types.ts";
import { tiledSpxUniverse } from "./_tiled_spx.ts";
import { compileAlert, type CompiledAlert, hitsAtBar } from "../core/alerts/check_bar.ts";
import type { AlertCondition } from "../core/alerts/types.ts";
import { rsi } from "../core/indicators/rsi.ts";
import { sma } from "../core/indicators/sma.ts";

const BARS = 2_520, SYMBOLS = 1_000;
const universe = await tiledSpxUniverse(SYMBOLS, BARS);
const RULES = [
  "rsi(14) crosses_above 30",
  "close > sma(50) and volume > 1.5 * sma(volume, 20)",
  "sma(20) crosses_above sma(50)",
];
const alerts = new Map<string, CompiledAlert[]>();
let n = 0;
for (const [symbol, c] of universe) {
  const last = c.close[BARS - 1]!;
  const conds: AlertCondition[] = [
    ...[0.97, 0.99, 1.01, 1.03].map((f) => ({
      type: "price" as const,
      crosses: "either" as const,
      level: last * f,
    })),
    ...[1, 2, 5].map((pct, i) => ({
      type: "pct_move" as const,
      pct,
      bars: 1 + i * 2,
      direction: "either" as const,
    })),
    ...RULES.map((rule) => ({ type: "rule" as const, rule })),
  ];
  alerts.set(
    symbol,
    conds.map((condition) =>
      compileAlert({
        id: `a${n++}`,
        userId: "u",
        name: "bench",
        symbols: [symbol],
        condition,
        trigger: "once_per_bar_close",
        endpoints: [],
      })
    ),
  );
}
let sink = 0;

function plain(c: Cols, list: readonly CompiledAlert[]): number {
  const i = BARS - 1, close = c.close;
  let hits = 0;
  for (const a of list) {
    const cond = a.def.condition;
    if (cond.type === "price") {
      const p = close[i - 1]!, x = close[i]!;
      if ((p < cond.level && x >= cond.level) || (p > cond.level && x <= cond.level)) hits++;
    } else if (cond.type === "pct_move") {
      if (Math.abs((close[i]! / close[i - cond.bars]! - 1) * 100) >= cond.pct) hits++;
    }
  }
  const r = rsi(close, 14), s20 = sma(close, 20), s50 = sma(close, 50), v20 = sma(c.volume, 20);
  if (r[i - 1]! < 30 && r[i]! >= 30) hits++;
  if (close[i]! > s50[i]! && c.volume[i]! > 1.5 * v20[i]!) hits++;
  if (s20[i - 1]! <= s50[i - 1]! && s20[i]! > s50[i]!) hits++;
  return hits;
}

Deno.bench({
  name: `plain loop: ${n} conditions hand-written over ${SYMBOLS} × ${BARS} bars`,
  group: "alerts per new bar",
  baseline: true,
  fn() {
    for (const [s, c] of universe) sink += plain(c, alerts.get(s)!);
  },
});

Deno.bench({
  name: `hitsAtBar(): ${n} alerts (price, % move, rules) over ${SYMBOLS} × ${BARS} bars`,
  group: "alerts per new bar",
  fn() {
    for (const [s, c] of universe) sink += hitsAtBar(alerts.get(s)!, c).length;
  },
});

globalThis.addEventListener("unload", () => sink === -1 && Deno.exit(1));
