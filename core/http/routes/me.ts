import { routeGroup } from "@trading/shared/http";
import { MeResponseSchema } from "@trading/shared/schemas";
import type { AuthDeps } from "../../auth/auth_deps.ts";
import { meBody } from "../../auth/sign_in.ts";
import { requireUser } from "../../auth/auth_context.ts";

/** The caller's account. */
export const meRoutes = routeGroup(
  (deps: AuthDeps) => ({ deps }),
  [
    {
      method: "get",
      path: "/api/me",
      summary: "The signed-in user, plan, remaining AI analyses and credits",
      tag: "accounts",
      response: MeResponseSchema,
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const auth = /^Bearer\s/i.test(c.req.header("authorization") ?? "") ? "token" : "session";
        return c.json({ ...(await meBody(deps, user)), auth });
      },
    },
  ],
);
