import { z } from "zod";
import { UnavailableError } from "@trading/shared/errors";
import { clientIp, routeGroup, validate } from "@trading/shared/http";
import { ChartQuerySchema, SymbolParamSchema } from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import { loadBars } from "../../timeframes/load_bars.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });
const FormatQuery = z.object({ format: z.enum(["json", "svg", "png"]).default("json") });

/** Response of `GET /chart/{symbol}` in JSON mode. */
export const ChartLinkSchema = z.object({
  symbol: z.string(),
  chart_service: z.string(),
  svg_url: z.string(),
  png_url: z.string(),
  svg_path: z.string(),
  png_path: z.string(),
}).meta({ id: "ChartLink" });

/** Headers of the chart service's answer that core passes on. */
const PASSED = ["content-type", "etag", "cache-control", "x-chart-warnings"];

/**
 * The seed contract's `GET /chart/{symbol}`: core knows the symbol and answers with the chart
 * service's URLs, or proxies the image; 503 JSON when the chart service is down (the address and
 * the cause go to the log, never to the client). A proxied render carries the client's address
 * as core sees it in `X-Forwarded-For` (one entry), so chart's per-IP render limit counts that
 * client, not core. `fetch` is injectable for tests.
 */
export const chartRoutes = routeGroup(
  (
    deps: Pick<CoreDeps, "config" | "series" | "logger"> & {
      /** How core calls chart (tests inject one). */
      chartFetch?: typeof fetch;
      /** Time allowed for one render (ms, default 10 s). */
      chartTimeoutMs?: number;
    },
  ) => {
    const f = deps.chartFetch ?? fetch;
    const timeoutMs = deps.chartTimeoutMs ?? 10_000;
    const base = deps.config.CHART_SERVICE_URL;
    const unavailable = (e: unknown, requestId: string | undefined) => {
      deps.logger.warn("chart service unavailable", {
        request_id: requestId,
        chart_service: base,
        error: e instanceof Error ? e.message : String(e),
      });
      return new UnavailableError("Chart service unavailable; try again shortly.");
    };
    return { deps, base, unavailable, f, timeoutMs };
  },
  [
    {
      method: "get",
      path: "/chart/{symbol}",
      summary:
        "Where the chart of a symbol is (JSON), or the image itself with ?format=svg|png (proxied from the chart service)",
      tag: "charts",
      params: SymbolPath,
      query: ChartQuerySchema.and(FormatQuery),
      response: ChartLinkSchema,
      errors: [404, 422, 503],
      access: "public",
      scope: "read",
      handler: async (c, { deps, base, unavailable, f, timeoutMs }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const raw = c.req.query();
        const { format } = validate(FormatQuery, raw, "query");
        const q = validate(ChartQuerySchema, raw, "query");
        await loadBars(deps, symbol, q.interval); // 404: a symbol or interval core does not have
        const params = new URLSearchParams(raw);
        params.delete("format");
        const qs = params.size ? `?${params}` : "";
        const path = (ext: string) => `/charts/${encodeURIComponent(symbol)}.${ext}${qs}`;
        const requestId = c.get("requestId" as never) as string | undefined;
        const headers: Record<string, string> = requestId ? { "x-request-id": requestId } : {};
        if (format === "json") {
          try {
            const r = await f(`${base}/health/live`, {
              signal: AbortSignal.timeout(2000),
              headers,
            });
            await r.body?.cancel();
            if (!r.ok) throw new Error(`it answered ${r.status}`);
          } catch (e) {
            throw unavailable(e, requestId);
          }
          return c.json({
            symbol,
            chart_service: base,
            svg_url: base + path("svg"),
            png_url: base + path("png"),
            svg_path: path("svg"),
            png_path: path("png"),
          });
        }
        let res: Response;
        let body: ArrayBuffer;
        try {
          res = await f(base + path(format), {
            signal: AbortSignal.timeout(timeoutMs),
            headers: { ...headers, "x-forwarded-for": clientIp(c, deps.config.TRUST_PROXY_HOPS) },
          });
          // read whole: a chart service killed mid-answer is a 503, not a cut connection
          body = await res.arrayBuffer();
        } catch (e) {
          throw unavailable(e, requestId);
        }
        const out = new Headers();
        for (const h of PASSED) {
          const v = res.headers.get(h);
          if (v !== null) out.set(h, v);
        }
        return new Response(body, { status: res.status, headers: out });
      },
    },
  ],
);
