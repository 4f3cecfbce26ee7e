/**
 * `GET /charts/{symbol}.svg|png` and `GET /charts/{symbol}/sparkline.svg`: charts of a symbol
 * drawn from core's data, declared once (handler + OpenAPI operation) with `routeGroup`.
 *
 * @module
 */
import type { Context } from "hono";
import { z } from "zod";
import { ValidationError } from "@trading/shared/errors";
import { routeGroup, type RouteSpec, validate } from "@trading/shared/http";
import {
  CHART_LIMITS,
  ChartQuerySchema,
  SparklineQuerySchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import { buildSparkline } from "../render/sparkline.ts";
import type { ChartRouteDeps } from "./chart_route_deps.ts";
import { sendRendered } from "./send.ts";
import { specFromQuery } from "./spec_from_query.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });

/** `GET /charts/AAPL.svg` (or `.png`): the symbol's chart in that format. */
async function symbolChart(c: Context, { service }: ChartRouteDeps, ext: "svg" | "png") {
  const file = c.req.param("file") ?? "";
  const { symbol } = validate(SymbolPath, { symbol: file.slice(0, -ext.length - 1) }, "path");
  const q = validate(ChartQuerySchema, c.req.query(), "query");
  const spec = specFromQuery(symbol, q);
  const scale = q.scale ?? 1;
  if (spec.width * spec.height * scale * scale > CHART_LIMITS.maxPixels) {
    throw new ValidationError("Invalid query: scale: image too large", [{
      field: "scale",
      message: `width × height × scale² must be at most ${CHART_LIMITS.maxPixels} pixels`,
    }]);
  }
  const r = await service.symbolChart(spec, ext, scale, c.get("requestId"));
  return sendRendered(c, r);
}

/** The declaration of `GET /charts/{symbol}.svg` or `.png`. */
function imageRoute(ext: "svg" | "png", summary: string): RouteSpec<ChartRouteDeps> {
  return {
    method: "get",
    path: `/charts/{symbol}.${ext}`,
    pattern: `/charts/:file{[^/]+\\.${ext}}`,
    summary,
    tag: "charts",
    access: "public",
    params: SymbolPath,
    query: ChartQuerySchema,
    produces: ext === "svg" ? "image/svg+xml" : "image/png",
    errors: [404, 422, 502, 504],
    handler: (c, deps) => symbolChart(c, deps, ext),
  };
}

/** Symbol chart routes (public: no account, no token scope). */
export const chartRoutes = routeGroup((deps: ChartRouteDeps) => deps, [
  {
    method: "get",
    path: "/charts/{symbol}/sparkline.svg",
    summary: "A small close-price line for watchlists",
    tag: "charts",
    access: "public",
    params: SymbolPath,
    query: SparklineQuerySchema,
    produces: "image/svg+xml",
    errors: [404, 422, 502, 504],
    handler: async (c, { service }) => {
      const { symbol } = validate(SymbolPath, c.req.param(), "path");
      const q = validate(SparklineQuerySchema, c.req.query(), "query");
      const spec = specFromQuery(symbol, {
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
        interval: "1d",
        volume: "0",
      });
      const { data, version } = await service.data(spec, c.get("requestId"));
      const closes = data.candles.map((b) => b.close);
      const key = JSON.stringify(["spark", symbol, q, version]);
      const r = await service.tree(
        key,
        "svg",
        1,
        q,
        c.get("requestId"),
        () => buildSparkline(closes, q),
      );
      return sendRendered(c, r);
    },
  },
  imageRoute("svg", "Candlestick chart of a symbol as SVG (data pulled from core)"),
  imageRoute("png", "Candlestick chart of a symbol as PNG (scale=2 for 2× pixels)"),
]);
