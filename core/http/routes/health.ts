import { z } from "zod";
import { HealthSchema } from "@trading/shared/schemas";
import { routeGroup } from "@trading/shared/http";
import { CORE_VERSION, type CoreDeps } from "../../deps.ts";

type Checks = Record<string, { ok: boolean; detail: string }>;

/** How long one readiness check answers for. */
export const CHECK_TTL_MS = 1000;

/** Real checks: the database answers a query; every symbol of the universe has bars. */
async function runChecks(deps: CoreDeps): Promise<Checks> {
  const checks: Checks = {};
  try {
    const n = await deps.market.countSymbols();
    checks.database = { ok: true, detail: `${deps.db.dialect} reachable, ${n} symbols stored` };
  } catch (e) {
    // /health is public: the driver's error (which may name the database's address) is logged.
    deps.logger.error("health: database check failed", { error: (e as Error).message });
    checks.database = { ok: false, detail: `${deps.db.dialect} query failed` };
  }
  try {
    const { universe, empty } = await deps.market.universeHealth();
    checks.data = universe > 0 && empty.length === 0
      ? { ok: true, detail: `${universe} symbols with bars` }
      : { ok: false, detail: universe ? `no bars for ${empty.join(", ")}` : "no symbols loaded" };
  } catch (e) {
    deps.logger.error("health: data check failed", { error: (e as Error).message });
    checks.data = { ok: false, detail: "cannot list symbols" };
  }
  return checks;
}

/** `GET /health` from real checks of the database and the data; `GET /health/live`. */
export const healthRoutes = routeGroup(
  (deps: CoreDeps) => ({ deps, cached: null as { at: number; checks: Promise<Checks> } | null }),
  [
    {
      method: "get",
      path: "/health",
      summary: "Readiness: database and data checks (503 when degraded)",
      tag: "system",
      access: "public",
      scope: null,
      response: HealthSchema,
      errors: [503],
      handler: async (c, ctx) => {
        // Probes from load balancers and several instances share one check per second.
        const now = Date.now();
        if (!ctx.cached || now - ctx.cached.at > CHECK_TTL_MS) {
          ctx.cached = { at: now, checks: runChecks(ctx.deps) };
        }
        const checks = await ctx.cached.checks;
        const healthy = Object.values(checks).every((x) => x.ok);
        return c.json({
          status: healthy ? "healthy" : "degraded",
          service: "core-api",
          version: CORE_VERSION,
          checks,
          uptime_s: Math.round((Date.now() - ctx.deps.startedAt) / 1000),
        }, healthy ? 200 : 503);
      },
    },
    {
      method: "get",
      path: "/health/live",
      summary: "Liveness: the process answers",
      tag: "system",
      access: "public",
      scope: null,
      response: z.object({ status: z.literal("alive"), service: z.string() }),
      handler: (c) => c.json({ status: "alive", service: "core-api" }),
    },
  ],
);
