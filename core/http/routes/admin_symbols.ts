import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import { NotFoundError } from "@trading/shared/errors";
import { SymbolParamSchema, SymbolPatchResultSchema } from "@trading/shared/schemas";
import type { CoreDeps } from "../../deps.ts";
import { providerFor, refreshSymbol } from "../../market_data/refresh.ts";
import { anySignal } from "../../providers/any_signal.ts";
import { requireAdmin } from "../../auth/auth_context.ts";
import { checkFrom } from "./_backfill_guard.ts";

const SymbolPath = z.object({ symbol: SymbolParamSchema });
const SymbolPatchBody = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  replace_history: z.boolean().optional().describe(
    "delete the stored bars and corporate actions and store the provider's answer instead",
  ),
  from: z.iso.date().optional().describe("first date of the replacing history"),
}).strict().refine((b) => b.name !== undefined || b.replace_history === true, {
  message: "give name and/or replace_history: true",
  path: ["name"],
});

/** The admin operations on shared market data: renaming a symbol, replacing its history. */
export const adminSymbolsRoutes = routeGroup(
  (deps: CoreDeps) => ({ deps }),
  [
    {
      method: "patch",
      path: "/api/admin/symbols/{symbol}",
      summary:
        "Rename a stored symbol and/or replace its history from its online provider (admins; users' refreshes only append)",
      tag: "admin",
      params: SymbolPath,
      body: SymbolPatchBody,
      response: SymbolPatchResultSchema,
      errors: [401, 403, 404, 409, 422, 502, 504],
      access: "admin",
      scope: "admin",
      handler: async (c, { deps }) => {
        requireAdmin(c);
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const body = validate(SymbolPatchBody, await readJson(c.req), "body");
        if (!(await deps.online.source(symbol))) {
          throw new NotFoundError(`Unknown symbol ${symbol}`, { symbol });
        }
        const today = new Date(deps.now()).toISOString().slice(0, 10);
        checkFrom(body.from, deps.providers[providerFor(symbol)], today);
        if (body.name !== undefined) await deps.online.rename(symbol, body.name);
        if (!body.replace_history) return c.json({ symbol, name: body.name });
        const signal = anySignal(c.req.raw.signal, deps.shutdown.signal);
        const refresh = await refreshSymbol(deps, symbol, {
          replace: true,
          ...(body.from ? { from: body.from } : {}),
          ...(body.name ? { name: body.name } : {}),
          ...(signal ? { signal } : {}),
        });
        deps.logger.warn("symbol history replaced by an admin", {
          symbol,
          written: refresh.written,
        });
        return c.json(
          { symbol, ...(body.name ? { name: body.name } : {}), refresh },
          refresh.status === "quarantined" ? 409 : 200,
        );
      },
    },
  ],
);
