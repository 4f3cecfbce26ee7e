import { Hono } from "hono";
import { HealthSchema } from "@trading/shared/schemas";
import type { RouteDoc } from "@trading/shared/http";
import { CORE_VERSION, type CoreDeps } from "../../deps.ts";

/** Route docs of this module. */
export const healthDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/health",
    summary: "Readiness: database and data checks (503 when degraded)",
    tag: "system",
    response: HealthSchema,
    errors: [503],
  },
  { method: "get", path: "/health/live", summary: "Liveness: the process answers", tag: "system" },
];

/** `GET /health` from real checks of the database and the data; `GET /health/live`. */
export function healthRoutes(deps: CoreDeps): Hono {
  return new Hono()
    .get("/health", async (c) => {
      const checks: Record<string, { ok: boolean; detail: string }> = {};
      try {
        const n = await deps.market.countSymbols();
        checks.database = { ok: true, detail: `${deps.db.dialect} reachable, ${n} symbols stored` };
      } catch (e) {
        checks.database = {
          ok: false,
          detail: `${deps.db.dialect} query failed: ${(e as Error).message}`,
        };
      }
      try {
        const universe = await deps.market.listSymbols();
        const empty = universe.filter((s) => s.bars === 0).map((s) => s.symbol);
        checks.data = universe.length > 0 && empty.length === 0
          ? { ok: true, detail: `${universe.length} symbols with bars` }
          : {
            ok: false,
            detail: universe.length ? `no bars for ${empty.join(", ")}` : "no symbols loaded",
          };
      } catch (e) {
        checks.data = { ok: false, detail: `cannot list symbols: ${(e as Error).message}` };
      }
      const healthy = Object.values(checks).every((x) => x.ok);
      return c.json({
        status: healthy ? "healthy" : "degraded",
        service: "core-api",
        version: CORE_VERSION,
        checks,
        uptime_s: Math.round((Date.now() - deps.startedAt) / 1000),
      }, healthy ? 200 : 503);
    })
    .get("/health/live", (c) => c.json({ status: "alive", service: "core-api" }));
}
