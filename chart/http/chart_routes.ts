/**
 * `GET /charts/:symbol.(svg|png)` and `GET /charts/:symbol/sparkline.svg`: charts of a symbol
 * drawn from core's data.
 *
 * @module
 */
import { Hono } from "hono";
import { z } from "zod";
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import { type RequestVars, type RouteDoc, validate } from "@trading/shared/http";
import {
  CHART_LIMITS,
  ChartQuerySchema,
  SparklineQuerySchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import { buildSparkline } from "../render/sparkline.ts";
import type { ChartService } from "./chart_service.ts";
import { sendRendered } from "./send.ts";
import { specFromQuery } from "./spec_from_query.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });

/** Route docs of the symbol charts. */
export const chartDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/charts/{symbol}.svg",
    summary: "Candlestick chart of a symbol as SVG (data pulled from core)",
    tag: "charts",
    params: SymbolPath,
    query: ChartQuerySchema,
    produces: "image/svg+xml",
    errors: [404, 422, 502, 504],
  },
  {
    method: "get",
    path: "/charts/{symbol}.png",
    summary: "Candlestick chart of a symbol as PNG (scale=2 for 2× pixels)",
    tag: "charts",
    params: SymbolPath,
    query: ChartQuerySchema,
    produces: "image/png",
    errors: [404, 422, 502, 504],
  },
  {
    method: "get",
    path: "/charts/{symbol}/sparkline.svg",
    summary: "A small close-price line for watchlists",
    tag: "charts",
    params: SymbolPath,
    query: SparklineQuerySchema,
    produces: "image/svg+xml",
    errors: [404, 422, 502, 504],
  },
];

/** Symbol chart routes. */
export function chartRoutes(service: ChartService) {
  return new Hono<{ Variables: RequestVars }>()
    .get("/charts/:symbol/sparkline.svg", async (c) => {
      const { symbol } = validate(SymbolPath, c.req.param(), "path");
      const q = validate(SparklineQuerySchema, c.req.query(), "query");
      const spec = specFromQuery(symbol, {
        ...(q.from ? { from: q.from } : {}),
        ...(q.to ? { to: q.to } : {}),
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
    })
    .get("/charts/:file", async (c) => {
      const file = c.req.param("file");
      const dot = file.lastIndexOf(".");
      const ext = file.slice(dot + 1);
      if (dot < 1 || (ext !== "svg" && ext !== "png")) {
        throw new NotFoundError(`No route for GET ${c.req.path}: use /charts/{symbol}.svg or .png`);
      }
      const { symbol } = validate(SymbolPath, { symbol: file.slice(0, dot) }, "path");
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
    });
}
