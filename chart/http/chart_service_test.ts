import assert from "node:assert/strict";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { createLogger } from "@trading/shared/log";
import { realCandles } from "../render/fixtures.ts";
import { realHourlyCandles } from "../render/intraday_fixtures.ts";
import { ChartService } from "./chart_service.ts";
import { CoreClient } from "./core_client.ts";

Deno.test("ChartService.data() - an hourly chart right after a daily one gets core's hours, not the cached days", async () => {
  const days = realCandles("lean/SPY", 3);
  const hours = realHourlyCandles("SPY", 3);
  const asked: string[] = [];
  const core = new CoreClient({
    baseUrl: "http://core.test",
    fetch: (input) => {
      const url = new URL(String(input));
      asked.push(url.search);
      const hourly = url.searchParams.get("interval") === "1h";
      return Promise.resolve(Response.json({ candles: hourly ? hours : days }));
    },
  });
  const service = new ChartService({
    core,
    logger: createLogger({ service: "chart-test", write: () => {} }),
  });
  const daily = await service.data(ChartSpecSchema.parse({ symbol: "SPY" }));
  const hourly = await service.data(ChartSpecSchema.parse({ symbol: "SPY", interval: "1h" }));
  assert.equal(daily.data.candles.length, 3);
  assert.equal(hourly.data.candles.length, 21);
  assert.equal(hourly.data.candles[0]!.date, "2021-03-29T09:30:00-04:00");
  assert.notEqual(hourly.version, daily.version);
  await service.data(ChartSpecSchema.parse({ symbol: "SPY", interval: "1h" }));
  assert.equal(asked.length, 2, "the second hourly request is served from the cache");
});
