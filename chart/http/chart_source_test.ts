import assert from "node:assert/strict";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { fetchChartData } from "./chart_source.ts";
import { CoreClient } from "./core_client.ts";

Deno.test("fetchChartData - a weekly chart asks core for weekly candles, indicators, patterns and signals", async () => {
  const asked: string[] = [];
  const candle = { date: "2020-04-13", open: 1, high: 2, low: 0.5, close: 1.5, volume: 10 };
  const answers: Record<string, unknown> = {
    candles: { candles: [candle] },
    indicators: { dates: ["2020-04-13"], series: { rsi: [null] } },
    patterns: { patterns: [], levels: [] },
    signals: { signals: [] },
  };
  const core = new CoreClient({
    baseUrl: "http://core.test",
    fetch: (input) => {
      const url = new URL(String(input));
      asked.push(url.pathname + url.search);
      const kind = url.pathname.split("/").at(-1)!;
      return Promise.resolve(Response.json(answers[kind]));
    },
  });
  const spec = ChartSpecSchema.parse({
    symbol: "SPX",
    interval: "1w",
    from: "2020-01-01",
    overlays: [{ type: "patterns" }, { type: "signals" }],
    panes: [{ type: "rsi", period: 14 }],
  });
  const { data } = await fetchChartData(core, spec);
  assert.equal(data.candles.length, 1);
  assert.equal(asked.length, 4);
  for (const path of asked) assert.match(path, /[?&]interval=1w(&|$)/, path);
  const daily = ChartSpecSchema.parse({ symbol: "SPX" });
  asked.length = 0;
  await fetchChartData(core, daily);
  assert.ok(asked.every((p) => !p.includes("interval")), "daily keeps the plain URLs");
});
