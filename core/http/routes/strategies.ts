import { z } from "zod";
import { routeGroup } from "@trading/shared/http";
import { StrategyInfoSchema } from "@trading/shared/schemas";
import { type AnyStrategy, optimisable, STRATEGIES } from "../../strategies/mod.ts";

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
    // decisions with stop-loss/take-profit levels run only on the general engine, not the
    // optimiser's kernel; paper bots run the engine's broker steps, so every strategy trades
    optimisable: optimisable(s),
    paper_bot: true,
  };
}

/** The strategy catalogue. */
export const strategiesRoutes = routeGroup(
  (_deps: unknown) => {
    const body = { strategies: Object.values(STRATEGIES).map(strategyInfo) };
    return { _deps, body };
  },
  [
    {
      method: "get",
      path: "/api/strategies",
      summary: "Strategies with descriptions, parameter JSON schemas, defaults and default grids",
      tag: "backtests",
      response: z.object({ strategies: z.array(StrategyInfoSchema) }),
      access: "public",
      scope: "read",
      handler: (c, { _deps, body }) => c.json(body),
    },
  ],
);
