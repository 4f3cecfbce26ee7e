import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import {
  CodeRevokedSchema,
  MintCodesBodySchema,
  MintedCodesSchema,
  RedemptionCodeSchema,
  UsageResponseSchema,
  UserSchema,
} from "@trading/shared/schemas";
import { type AuthDeps, clockOf } from "../../auth/auth_deps.ts";
import { utcDay } from "../../auth/quota.ts";
import { listCodes, mintCodes, revokeCode } from "../../auth/redemption.ts";
import { usageReport } from "../../auth/usage.ts";
import { updateUserAccess } from "../../auth/user_updates.ts";
import { requireAdmin } from "../../auth/auth_context.ts";

const CodePath = z.object({ id: z.string().min(1).max(64) });
const UserPath = z.object({ id: z.string().min(1).max(64) });
const UserPatchBody = z.object({
  plan: z.enum(["free", "premium"]).optional(),
  role: z.enum(["user", "admin"]).optional(),
}).strict().refine((b) => b.plan !== undefined || b.role !== undefined, {
  message: "give plan and/or role",
  path: ["plan"],
});
const TAG = "admin";

/** Administration: redemption codes and usage. Every route checks the admin role. */
export const adminRoutes = routeGroup(
  (deps: AuthDeps) => {
    const now = clockOf(deps);
    return { deps, now };
  },
  [
    {
      method: "get",
      path: "/api/admin/redemption-codes",
      summary: "Every redemption code with its uses and status (admins)",
      tag: TAG,
      response: z.object({ codes: z.array(RedemptionCodeSchema) }),
      errors: [401, 403],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps, now }) => {
        requireAdmin(c);
        return c.json({ codes: await listCodes(deps.db, { now: now() }) });
      },
    },
    {
      method: "post",
      path: "/api/admin/redemption-codes",
      summary: "Mint codes; the clear codes are in this answer only (admins)",
      tag: TAG,
      body: MintCodesBodySchema,
      response: MintedCodesSchema,
      errors: [401, 403, 422],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps, now }) => {
        const admin = requireAdmin(c);
        const body = validate(MintCodesBodySchema, await readJson(c.req), "body");
        const codes = await mintCodes(deps.db, {
          amount: body.amount,
          maxUses: body.max_uses,
          count: body.count,
          expiresAt: body.expires_at ? Date.parse(body.expires_at) : null,
          note: body.note ?? null,
          createdBy: admin.id,
          now: now(),
        });
        deps.logger.info("redemption codes minted", { by: admin.id, count: codes.length });
        return c.json({ codes }, 201);
      },
    },
    {
      method: "delete",
      path: "/api/admin/redemption-codes/{id}",
      summary: "Revoke a code (admins)",
      tag: TAG,
      params: CodePath,
      response: CodeRevokedSchema,
      errors: [401, 403, 404],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps, now }) => {
        requireAdmin(c);
        const { id } = validate(CodePath, c.req.param(), "path");
        await revokeCode(deps.db, id, { now: now() });
        return c.json({ revoked: id });
      },
    },
    {
      method: "patch",
      path: "/api/admin/users/{id}",
      summary: "Set a user's plan (free/premium: premium analyses are unlimited) or role (admins)",
      tag: TAG,
      params: UserPath,
      body: UserPatchBody,
      response: UserSchema,
      errors: [401, 403, 404, 422],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps }) => {
        const me = requireAdmin(c);
        const { id } = validate(UserPath, c.req.param(), "path");
        const body = validate(UserPatchBody, await readJson(c.req), "body");
        if (id === me.id && body.role === "user") {
          throw new ValidationError("An admin cannot remove their own admin role", [{
            field: "role",
            message: "ask another admin",
          }]);
        }
        const row = await updateUserAccess(deps.db, id, {
          plan: body.plan ?? null,
          role: body.role ?? null,
        });
        if (!row) throw new NotFoundError(`No user ${id}`);
        return c.json(row);
      },
    },
    {
      method: "get",
      path: "/api/admin/usage",
      summary: "AI analyses per user, today and in total (admins)",
      tag: TAG,
      response: UsageResponseSchema,
      errors: [401, 403],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps, now }) => {
        requireAdmin(c);
        const t = now();
        return c.json(await usageReport(deps.db, { now: t, today: utcDay(t) }));
      },
    },
  ],
);
