/**
 * Golden SVG snapshots on fixed real data. A difference fails the test; to accept a deliberate
 * change, run `UPDATE_SNAPSHOTS=1 deno test -A chart/render/snapshot_test.ts` and commit the
 * files under chart/render/__snapshots__/.
 */
import assert from "node:assert/strict";
import {
  ChartSpecSchema,
  EquityChartRequestSchema,
  HeatmapRequestSchema,
} from "@trading/shared/schemas";
import { chartSvg } from "./chart.ts";
import { serializeSvg } from "./dom.ts";
import { buildEquityChart } from "./equity.ts";
import { buildHeatmap } from "./heatmap.ts";
import { buildSparkline } from "./sparkline.ts";
import { aaplData } from "./test_data.ts";
import { realCandles } from "./fixtures.ts";

const DIR = new URL("./__snapshots__/", import.meta.url);
const UPDATE = Deno.env.get("UPDATE_SNAPSHOTS") === "1";

function check(name: string, svg: string): void {
  const file = new URL(`${name}.svg`, DIR);
  if (UPDATE) {
    Deno.mkdirSync(DIR, { recursive: true });
    Deno.writeTextFileSync(file, svg);
    return;
  }
  let golden: string;
  try {
    golden = Deno.readTextFileSync(file);
  } catch {
    throw new Error(`No snapshot ${name}.svg: run with UPDATE_SNAPSHOTS=1 to create it`);
  }
  assert.equal(svg, golden, `${name}.svg differs from its snapshot (UPDATE_SNAPSHOTS=1 to accept)`);
}

Deno.test("snapshot - AAPL 120 bars, dark, SMA + Bollinger + pattern + levels + markers, volume/RSI/MACD", () => {
  const spec = ChartSpecSchema.parse({
    symbol: "AAPL",
    overlays: [{ type: "sma", period: 20 }, { type: "bollinger" }, { type: "patterns" }, {
      type: "levels",
    }, {
      type: "signals",
    }],
    panes: [{ type: "volume" }, { type: "rsi" }, { type: "macd" }],
  });
  check("aapl_full_dark", chartSvg(spec, aaplData(120)).svg);
});

Deno.test("snapshot - AAPL 60 bars, light, OHLC, stochastic, zh-TW", () => {
  const spec = ChartSpecSchema.parse({
    symbol: "AAPL",
    theme: "light",
    style: "ohlc",
    lang: "zh-TW",
    width: 800,
    height: 480,
    overlays: [{ type: "ema", period: 20 }],
    panes: [{ type: "stochastic" }],
  });
  check("aapl_ohlc_light_zh", chartSvg(spec, aaplData(60)).svg);
});

Deno.test("snapshot - equity vs buy-and-hold, heat-map and sparkline", () => {
  const c = realCandles("AAPL", 250);
  const first = c[0]!.close;
  // buy-and-hold of AAPL against holding it only while the close is above its first close
  let cash = 10_000;
  let shares = 0;
  const points = c.map((b) => {
    if (shares === 0 && b.close > first) [shares, cash] = [cash / b.close, 0];
    else if (shares > 0 && b.close <= first) [cash, shares] = [shares * b.close, 0];
    return { date: b.date, equity: cash + shares * b.close, benchmark: (10_000 * b.close) / first };
  });
  check(
    "equity",
    serializeSvg(buildEquityChart(EquityChartRequestSchema.parse({ points, title: "AAPL" }))),
  );
  const xs = [5, 10, 20];
  const ys = [50, 100];
  // z: the return of an SMA(x) vs SMA(y) comparison on the last bar — derived from real closes
  const closes = c.map((b) => b.close);
  const sma = (p: number) => closes.slice(-p).reduce((a, v) => a + v, 0) / p;
  const z = ys.map((y) => xs.map((x) => Number(((sma(x) / sma(y) - 1) * 100).toFixed(3))));
  check(
    "heatmap",
    serializeSvg(
      buildHeatmap(
        HeatmapRequestSchema.parse({
          metric: "SMA gap %",
          x: { name: "fast", values: xs },
          y: { name: "slow", values: ys },
          z,
        }),
      ),
    ),
  );
  check(
    "sparkline",
    serializeSvg(buildSparkline(closes.slice(-30), { width: 120, height: 32, theme: "light" })),
  );
});
