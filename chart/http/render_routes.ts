/**
 * `POST /render` (spec + candles in the body), `POST /render/equity` and `POST /render/heatmap`:
 * charts of data the caller sends, for core and for programs; declared once with `routeGroup`.
 *
 * @module
 */
import { bodyLimit } from "hono/body-limit";
import { ValidationError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
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
import type { ChartRouteDeps } from "./chart_route_deps.ts";
import { hashText } from "./chart_source.ts";
import { sendRendered } from "./send.ts";

/** Largest accepted body (10,000 candles with a few series fit in it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

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

/** Body limit of every render route (413 beyond it). */
const limitBody = bodyLimit({ maxSize: MAX_BODY_BYTES });

/** Render routes (public: no account, no token scope). */
export const renderRoutes = routeGroup((deps: ChartRouteDeps) => deps, [
  {
    method: "post",
    path: "/render",
    summary:
      "Render a chart spec over candles (and series, patterns, levels, markers) sent in the body",
    tag: "render",
    access: "public",
    body: RenderRequestSchema,
    produces: "image/svg+xml or image/png",
    errors: [413, 422],
    use: [limitBody],
    handler: async (c, { service }) => {
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
    },
  },
  {
    method: "post",
    path: "/render/equity",
    summary: "Equity curve vs buy-and-hold with a drawdown pane",
    tag: "render",
    access: "public",
    body: EquityChartRequestSchema,
    produces: "image/svg+xml or image/png",
    errors: [413, 422],
    use: [limitBody],
    handler: async (c, { service }) => {
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
    },
  },
  {
    method: "post",
    path: "/render/heatmap",
    summary: "Optimisation heat-map of a metric over two parameters",
    tag: "render",
    access: "public",
    body: HeatmapRequestSchema,
    produces: "image/svg+xml or image/png",
    errors: [413, 422],
    use: [limitBody],
    handler: async (c, { service }) => {
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
    },
  },
]);
