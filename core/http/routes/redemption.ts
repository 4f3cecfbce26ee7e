import { readJson, routeGroup, validate } from "@trading/shared/http";
import { RedeemBodySchema, RedeemResponseSchema } from "@trading/shared/schemas";
import { type AuthDeps, clockOf } from "../../auth/auth_deps.ts";
import { quotaStatus } from "../../auth/quota.ts";
import { rateLimit } from "../../auth/rate_limit.ts";
import { redeemCode } from "../../auth/redemption.ts";
import { requireUser } from "../../auth/auth_context.ts";

/** Redeeming codes. Attempts are rate-limited per user and IP (codes cannot be guessed). */
export const redemptionRoutes = routeGroup(
  (deps: AuthDeps) => {
    const now = clockOf(deps);
    return { deps, now };
  },
  [
    {
      method: "post",
      path: "/api/redemption/redeem",
      summary:
        "Redeem a code `XXXX-XXXX-XXXX` for AI-analysis credits (spent before the free ones)",
      tag: "accounts",
      body: RedeemBodySchema,
      response: RedeemResponseSchema,
      errors: [401, 422, 429],
      access: "user",
      scope: "account",
      use: [rateLimit({ key: "redeem", limit: 10, windowS: 600 })],
      handler: async (c, { deps, now }) => {
        const user = requireUser(c);
        const { code } = validate(RedeemBodySchema, await readJson(c.req), "body");
        const added = await redeemCode(deps.db, user.id, code, { now: now() });
        deps.logger.info("code redeemed", { user_id: user.id, credits: added });
        return c.json({
          credits_added: added,
          quota: await quotaStatus(deps.db, user.id, { now: now() }),
        });
      },
    },
  ],
);
