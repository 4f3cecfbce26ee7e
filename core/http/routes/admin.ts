import { Hono } from "hono";
import { z } from "zod";
import { readJson, type RouteDoc, validate } from "@trading/shared/http";
import {
  MintCodesBodySchema,
  MintedCodesSchema,
  RedemptionCodeSchema,
  UsageResponseSchema,
} from "@trading/shared/schemas";
import { type AuthDeps, clockOf } from "../../auth/auth_deps.ts";
import { utcDay } from "../../auth/quota.ts";
import { listCodes, mintCodes, revokeCode } from "../../auth/redemption.ts";
import { usageReport } from "../../auth/usage.ts";
import { requireAdmin } from "../auth_context.ts";

const CodePath = z.object({ id: z.string().min(1).max(64) });
const TAG = "admin";

/** Route docs of this module. */
export const adminDocs: RouteDoc[] = [
  {
    method: "get",
    path: "/api/admin/redemption-codes",
    summary: "Every redemption code with its uses and status (admins)",
    tag: TAG,
    response: z.object({ codes: z.array(RedemptionCodeSchema) }),
    errors: [401, 403],
  },
  {
    method: "post",
    path: "/api/admin/redemption-codes",
    summary: "Mint codes; the clear codes are in this answer only (admins)",
    tag: TAG,
    body: MintCodesBodySchema,
    response: MintedCodesSchema,
    errors: [401, 403, 422],
  },
  {
    method: "delete",
    path: "/api/admin/redemption-codes/{id}",
    summary: "Revoke a code (admins)",
    tag: TAG,
    params: CodePath,
    errors: [401, 403, 404],
  },
  {
    method: "get",
    path: "/api/admin/usage",
    summary: "AI analyses per user, today and in total (admins)",
    tag: TAG,
    response: UsageResponseSchema,
    errors: [401, 403],
  },
];

/** Administration: redemption codes and usage. Every route checks the admin role. */
export function adminRoutes(deps: AuthDeps): Hono {
  const now = clockOf(deps);
  return new Hono()
    .get("/api/admin/redemption-codes", async (c) => {
      requireAdmin(c);
      return c.json({ codes: await listCodes(deps.db, { now: now() }) });
    })
    .post("/api/admin/redemption-codes", async (c) => {
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
    })
    .delete("/api/admin/redemption-codes/:id", async (c) => {
      requireAdmin(c);
      const { id } = validate(CodePath, c.req.param(), "path");
      await revokeCode(deps.db, id, { now: now() });
      return c.json({ revoked: id });
    })
    .get("/api/admin/usage", async (c) => {
      requireAdmin(c);
      const t = now();
      return c.json(await usageReport(deps.db, { now: t, today: utcDay(t) }));
    });
}
