import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import { callbackTargets, runBacktest } from "../backtest/run.ts";
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { firstBars, seriesFromBars } from "../market_data/series.ts";
import { IndicatorCache } from "../indicators/indicator_cache.ts";
import { STRATEGIES } from "./mod.ts";

const load = async (s: string) =>
  seriesFromBars(
    s,
    parseOhlcvCsv(await Deno.readTextFile(bundledCsvUrl(s)))
      .bars,
  );
const aapl = await load("AAPL");
const spx = await load("SPX");

/** Decisions (targets and levels) of every bar through the decide loop. */
function decisions(id: string, cols: Cols, params: unknown): string[] {
  const s = STRATEGIES[id]!;
  const state = s.prepare(cols, params, new IndicatorCache());
  const ctx = { i: 0, cols, params, state, target: 0 };
  const out: string[] = [];
  for (let i = 0; i < cols.close.length; i++) {
    ctx.i = i;
    const d = s.decide(ctx);
    ctx.target = typeof d === "number" ? d : d.target;
    out.push(JSON.stringify(d));
  }
  return out;
}

for (const [id, strategy] of Object.entries(STRATEGIES)) {
  const params = strategy.params.parse({});

  Deno.test(`${id} - decisions up to bar t do not change when later bars are removed`, () => {
    const full = decisions(id, aapl, params);
    for (const t of [60, 250, 600, 1000]) {
      const cut = decisions(id, firstBars(aapl, t + 1), params);
      assert.deepEqual(cut, full.slice(0, t + 1), `truncated at ${t}`);
    }
  });

  if (strategy.targets) {
    Deno.test(`${id} - vectorised targets equal the decide loop`, () => {
      for (const cols of [aapl, firstBars(spx, 2000)]) {
        const cache = new IndicatorCache();
        const state = strategy.prepare(cols, params, cache);
        const fast = new Int8Array(cols.close.length);
        strategy.targets!(cols, params, state, fast);
        assert.deepEqual(fast, callbackTargets(strategy, cols, params, cache));
      }
    });
  }

  Deno.test(`${id} - backtests on AAPL with finite metrics and trades inside the bars`, () => {
    const r = runBacktest(aapl, strategy, params, { feeBps: 5, allowShort: true }, {}, "AAPL");
    assert.ok(Number.isFinite(r.metrics.final_equity));
    for (const t of r.trades) {
      const i = aapl.dates.indexOf(t.entry_date);
      assert.ok(t.entry_price >= aapl.low[i]! && t.entry_price <= aapl.high[i]!);
    }
    assert.ok(r.trades.length > 0, "the strategy trades on five years of AAPL");
  });

  Deno.test(`${id} - sets exit levels in its decisions only when it declares exitLevels`, () => {
    const withLevels = decisions(id, aapl, params).some((d) => /stopLoss|takeProfit/.test(d));
    if (strategy.exitLevels) assert.ok(withLevels, "declared but never set");
    else assert.equal(withLevels, false);
  });
}

Deno.test("parameter schemas refuse values outside their bounds", () => {
  assert.equal(STRATEGIES.sma_cross!.params.safeParse({ fast: 50, slow: 20 }).success, false);
  assert.equal(STRATEGIES.sma_cross!.params.safeParse({ fast: 1 }).success, false);
  assert.equal(STRATEGIES.rsi_reversion!.params.safeParse({ lower: 60 }).success, false);
  assert.equal(STRATEGIES.bollinger!.params.safeParse({ mode: "sideways" }).success, false);
});
