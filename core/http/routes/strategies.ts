import { Hono } from "hono";
import { z } from "zod";
import type { RouteDoc } from "@trading/shared/http";
import { StrategyInfoSchema } from "@trading/shared/schemas";
import { type AnyStrategy, optimisable, STRATEGIES } from "../../strategies/mod.ts";

/** Route docs of this module. */
export const strategiesDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/api/strategies",
    summary: "Strategies with descriptions, parameter JSON schemas, defaults and default grids",
    tag: "backtests",
    response: z.object({ strategies: z.array(StrategyInfoSchema) }),
  },
];

/** The wire description of one strategy. */
export function strategyInfo(s: AnyStrategy) {
  const schema = z.toJSONSchema(s.params, { io: "input", unrepresentable: "any" }) as Record<
    string,
    unknown
  >;
  delete schema.$schema;
  return {
    id: s.id,
    name: s.name,
    description: s.description,
    params: schema,
    defaults: s.params.parse({}) as Record<string, unknown>,
    grid: s.grid,
    // decisions with stop-loss/take-profit levels run only on the general engine
    optimisable: optimisable(s),
    paper_bot: optimisable(s),
  };
}

/** The strategy catalogue. */
export function strategiesRoutes(_deps: unknown): Hono {
  const body = { strategies: Object.values(STRATEGIES).map(strategyInfo) };
  return new Hono().get("/api/strategies", (c) => c.json(body));
}
