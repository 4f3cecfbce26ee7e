import { routeGroup } from "@trading/shared/http";
import { RuleFunctionsSchema } from "@trading/shared/schemas";
import { MAX_LOOKBACK, MAX_NESTING, MAX_RULE_LENGTH, ruleFunctions } from "../../rules/mod.ts";

/** The rule language's catalogue (what the web editor completes from). */
export const rulesRoutes = routeGroup(
  (_deps: unknown) => {
    const body = {
      functions: ruleFunctions(),
      limits: {
        max_length: MAX_RULE_LENGTH,
        max_nesting: MAX_NESTING,
        max_lookback: MAX_LOOKBACK,
      },
    };
    return { body: JSON.stringify(body) };
  },
  [
    {
      method: "get",
      path: "/api/rules/functions",
      summary: "The rule language: price fields, indicators (with outputs and parameter bounds), " +
        "series and condition functions, analysis terms and operators, each with an example; " +
        "and the bounds of a rule",
      tag: "rules",
      response: RuleFunctionsSchema,
      access: "public",
      scope: "read",
      handler: (c, { body }) =>
        c.body(body, 200, {
          "content-type": "application/json",
          "cache-control": "public, max-age=300",
        }),
    },
  ],
);
