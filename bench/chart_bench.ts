/**
 * Chart service benchmarks (`deno bench -A bench/chart_bench.ts`), all on 127.0.0.1:
 * - 250- and 2,520-bar candle charts with two overlays (SMA 20, Bollinger) and two indicator
 *   panes (RSI, MACD), as SVG and as PNG, against the floor: a plain string-built SVG of the same
 *   candles (the `baseline` of each group, so deno bench prints the ratio);
 * - requests through HTTP (Deno.serve + fetch) with a warm image cache and a cold one.
 * Targets: 250 bars SVG ≤ 10 ms, PNG ≤ 40 ms; 2,520 bars SVG ≤ 60 ms; cache hit p99 ≤ 2 ms.
 *
 * @module
 */
import { type Candle, ChartSpecSchema } from "@trading/shared/schemas";
import { ChartEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createChartApp } from "../chart/app.ts";
import { chartPng, chartSvg } from "../chart/render/chart.ts";
import { type ChartData, chartData } from "../chart/render/chart_data.ts";
import { loadFonts } from "../chart/render/fonts.ts";
import { derivedSeries, realCandles } from "../chart/render/fixtures.ts";
import { startStubCore } from "../chart/http/stub_core.ts";

loadFonts();

function window(symbol: string, bars: number): ChartData {
  const all = realCandles(symbol);
  const s = derivedSeries(all);
  const cut = all.length - bars;
  const series: Record<string, (number | null)[]> = {};
  for (const [k, v] of Object.entries(s)) series[k] = v.slice(cut);
  return chartData(all.slice(cut), { series });
}

/** The floor: candles as plain SVG strings, one rect and one line per bar, no axes or text. */
function floorSvg(candles: readonly Candle[], width = 1000, height = 600): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (const c of candles) {
    lo = Math.min(lo, c.low);
    hi = Math.max(hi, c.high);
  }
  const step = (width - 80) / candles.length;
  const y = (v: number) => (height * 0.6 * (hi - v)) / (hi - lo) + 40;
  let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">`;
  candles.forEach((c, i) => {
    const x = 8 + (i + 0.5) * step;
    const col = c.close >= c.open ? "#26a69a" : "#ef5350";
    const top = y(Math.max(c.open, c.close));
    s += `<line x1="${x.toFixed(2)}" x2="${x.toFixed(2)}" y1="${y(c.high).toFixed(2)}" y2="${
      y(c.low).toFixed(2)
    }" stroke="${col}"/><rect x="${(x - step * 0.35).toFixed(2)}" y="${top.toFixed(2)}" width="${
      (step * 0.7).toFixed(2)
    }" height="${Math.max(1, y(Math.min(c.open, c.close)) - top).toFixed(2)}" fill="${col}"/>`;
  });
  return s + "</svg>";
}

const spec = ChartSpecSchema.parse({
  symbol: "SPX",
  overlays: [{ type: "sma", period: 20 }, { type: "bollinger" }],
  panes: [{ type: "rsi" }, { type: "macd" }],
});
const d250 = window("SPX", 250);
const d2520 = window("SPX", 2520);

for (const [bars, data] of [[250, d250], [2520, d2520]] as const) {
  Deno.bench(
    `floor: string-built SVG, ${bars} bars`,
    { group: `svg ${bars}`, baseline: true },
    () => {
      floorSvg(data.candles);
    },
  );
  Deno.bench(`Plot chart SVG, ${bars} bars, 2 overlays + 2 panes`, { group: `svg ${bars}` }, () => {
    chartSvg(spec, data);
  });
  Deno.bench(
    `Plot chart PNG 1×, ${bars} bars, 2 overlays + 2 panes`,
    { group: `png ${bars}` },
    () => {
      chartPng(spec, data, 1);
    },
  );
}
Deno.bench("Plot chart PNG 2×, 250 bars, 2 overlays + 2 panes", { group: "png 250" }, () => {
  chartPng(spec, d250, 2);
});

// HTTP: chart on 127.0.0.1 in front of a stub core serving the real AAPL bars
const core = startStubCore();
const app = createChartApp({
  config: loadConfig(ChartEnvSchema, { CORE_SERVICE_URL: core.url }),
  logger: createLogger({ service: "bench", level: "error", write: () => {} }),
  fetch,
  startedAt: Date.now(),
});
const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, app.fetch);
const base = `http://127.0.0.1:${server.addr.port}`;
const warmUrl = `${base}/charts/AAPL.svg?from=2017-05-15&indicators=sma20,bb,rsi,macd`;
await (await fetch(warmUrl)).arrayBuffer();
let n = 0;

Deno.bench("HTTP GET svg, warm cache (hit)", { group: "http", baseline: true }, async () => {
  const r = await fetch(warmUrl);
  await r.arrayBuffer();
  if (r.headers.get("x-cache") !== "hit") throw new Error("expected a cache hit");
});
Deno.bench("HTTP GET svg, cold cache (core fetch + render)", { group: "http" }, async () => {
  // a new width and range each time: neither core's data nor the image is cached
  n++;
  const from = `2017-0${1 + (n % 9)}-${String(10 + (n % 18)).padStart(2, "0")}`;
  const r = await fetch(
    `${base}/charts/AAPL.svg?from=${from}&width=${800 + (n % 1000)}&indicators=sma20,bb,rsi,macd`,
  );
  await r.arrayBuffer();
  if (r.headers.get("x-cache") !== "miss") throw new Error("expected a miss");
});

globalThis.addEventListener("unload", () => {
  server.shutdown();
  core.close();
});
