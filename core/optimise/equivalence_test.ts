import { bundledCsvUrl } from "../../tests/helpers/bundled.ts";
import assert from "node:assert/strict";
import type { Metrics } from "../backtest/metrics.ts";
import { runBacktest } from "../backtest/run.ts";
import { DEFAULT_OPTIONS } from "../backtest/types.ts";
import type { CostOptions } from "../execution/options.ts";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import { seriesFromBars } from "../market_data/series.ts";
import { STRATEGIES } from "../strategies/mod.ts";
import { optimisable } from "../strategies/types.ts";
import { expandGrid } from "../backtest/grid.ts";
import type { WorkerReply } from "./protocol.ts";
import { runTask } from "./task.ts";

const load = async (s: string) =>
  seriesFromBars(
    s,
    parseOhlcvCsv(await Deno.readTextFile(bundledCsvUrl(s)))
      .bars,
  );
const aapl = await load("AAPL");

function close(a: Metrics, b: Metrics, what: string) {
  for (const k of Object.keys(b) as (keyof Metrics)[]) {
    const x = a[k], y = b[k];
    if (x === null || y === null) assert.equal(x, y, `${what}: ${k}`);
    else {assert.ok(
        Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(y)),
        `${what}: ${k} ${x} vs ${y}`,
      );}
  }
}

const costs: CostOptions[] = [
  { ...DEFAULT_OPTIONS },
  {
    ...DEFAULT_OPTIONS,
    feeBps: 5,
    minFee: 1,
    slippageBps: 10,
    allowShort: true,
    sizing: { mode: "percent_equity", percent: 60 },
  },
];

for (const strategy of Object.values(STRATEGIES).filter(optimisable)) {
  Deno.test(`${strategy.id} - the optimiser's metrics equal runBacktest's for the same parameters`, () => {
    const valid = expandGrid(strategy.grid).filter((p) => strategy.params.safeParse(p).success);
    const picks = [strategy.params.parse({}), valid[0]!, valid[valid.length - 1]!]
      .map((p) => strategy.params.parse(p) as Record<string, unknown>);
    const combos = picks.map((params, index) => ({ index, params }));
    for (const opts of costs) {
      let reply: WorkerReply | null = null;
      runTask(
        {
          taskId: 1,
          kind: "grid",
          cols: aapl,
          strategy: strategy.id,
          opts,
          metric: "sharpe",
          combos,
        },
        (m) => {
          if (m.type !== "progress") reply = m;
        },
      );
      const r = reply as WorkerReply | null;
      assert.ok(r?.type === "grid", JSON.stringify(r));
      for (const row of r.rows) {
        const single = runBacktest(aapl, strategy, row.params, opts);
        close(row.metrics, single.metrics, `${JSON.stringify(row.params)} fee ${opts.feeBps}`);
      }
    }
  });
}
