/**
 * `POST /render` (spec + candles in the body), `POST /render/equity` and `POST /render/heatmap`:
 * charts of data the caller sends, for core and for programs.
 *
 * @module
 */
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { ValidationError } from "@trading/shared/errors";
import { readJson, type RequestVars, type RouteDoc, validate } from "@trading/shared/http";
import {
  type Candle,
  EquityChartRequestSchema,
  HeatmapRequestSchema,
  ohlcIssues,
  RenderRequestSchema,
} from "@trading/shared/schemas";
import { chartData } from "../render/chart_data.ts";
import { buildEquityChart } from "../render/equity.ts";
import { buildHeatmap } from "../render/heatmap.ts";
import { type ChartService } from "./chart_service.ts";
import { hashText } from "./chart_source.ts";
import { sendRendered } from "./send.ts";

/** Largest accepted body (10,000 candles with a few series fit in it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Route docs of the render endpoints. */
export const renderDocs: RouteDoc[] = [
  {
    method: "post",
    path: "/render",
    summary:
      "Render a chart spec over candles (and series, patterns, levels, markers) sent in the body",
    tag: "render",
    body: RenderRequestSchema,
    produces: "image/svg+xml or image/png",
    errors: [413, 422],
  },
  {
    method: "post",
    path: "/render/equity",
    summary: "Equity curve vs buy-and-hold with a drawdown pane",
    tag: "render",
    body: EquityChartRequestSchema,
    produces: "image/svg+xml or image/png",
    errors: [413, 422],
  },
  {
    method: "post",
    path: "/render/heatmap",
    summary: "Optimisation heat-map of a metric over two parameters",
    tag: "render",
    body: HeatmapRequestSchema,
    produces: "image/svg+xml or image/png",
    errors: [413, 422],
  },
];

/** Most inconsistent bars listed in one 422. */
const MAX_LISTED = 20;

/** Refuses bars whose high is not their highest price or low not their lowest (422 per field). */
function checkBars(candles: readonly Candle[]): void {
  const issues = candles.flatMap((c, i) =>
    ohlcIssues(c).map((x) => ({ field: `candles.${i}.${x.field}`, message: x.message }))
  );
  if (!issues.length) return;
  const summary = issues.slice(0, 3).map((x) => `${x.field}: ${x.message}`).join("; ");
  throw new ValidationError(
    `Invalid body: ${issues.length} inconsistent bar price(s): ${summary}`,
    issues.slice(0, MAX_LISTED),
  );
}

/** Render routes. */
export function renderRoutes(service: ChartService) {
  return new Hono<{ Variables: RequestVars }>()
    .use("/render/*", bodyLimit({ maxSize: MAX_BODY_BYTES }))
    .use("/render", bodyLimit({ maxSize: MAX_BODY_BYTES }))
    .post("/render", async (c) => {
      const raw = await readJson(c.req);
      const req = validate(RenderRequestSchema, raw, "body");
      checkBars(req.candles);
      const key = `render:${await hashText(JSON.stringify(raw))}`;
      const data = chartData(req.candles, {
        series: req.series,
        patterns: req.patterns,
        levels: req.levels,
        markers: req.markers,
      });
      const r = await service.chart(key, req.format, req.scale, req.spec, data, c.get("requestId"));
      return sendRendered(c, r, "private, max-age=60");
    })
    .post("/render/equity", async (c) => {
      const raw = await readJson(c.req);
      const req = validate(EquityChartRequestSchema, raw, "body");
      const key = `equity:${await hashText(JSON.stringify(raw))}`;
      const r = await service.tree(
        key,
        req.format,
        req.scale,
        { title: req.title },
        c.get("requestId"),
        () => buildEquityChart(req),
      );
      return sendRendered(c, r, "private, max-age=60");
    })
    .post("/render/heatmap", async (c) => {
      const raw = await readJson(c.req);
      const req = validate(HeatmapRequestSchema, raw, "body");
      const key = `heatmap:${await hashText(JSON.stringify(raw))}`;
      const r = await service.tree(
        key,
        req.format,
        req.scale,
        { metric: req.metric },
        c.get("requestId"),
        () => buildHeatmap(req),
      );
      return sendRendered(c, r, "private, max-age=60");
    });
}
