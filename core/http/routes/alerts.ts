import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import {
  AlertEventsSchema,
  AlertListSchema,
  AlertSchema,
  type CreateAlertBody,
  CreateAlertBodySchema,
  PatchAlertBodySchema,
} from "@trading/shared/schemas";
import { compileAlert } from "../../alerts/check_bar.ts";
import { alertEvents } from "../../alerts/events.ts";
import { type AlertLimits, AlertStore, type NewAlert } from "../../alerts/store.ts";
import type { AlertCondition } from "../../alerts/types.ts";
import type { CoreDeps } from "../../deps.ts";
import { RuleError } from "../../rules/mod.ts";
import { requireUser } from "../../auth/auth_context.ts";
import { SavedScreens } from "../../screens/store.ts";

const TAG = "alerts";
const AlertPath = z.object({ id: z.string().min(1).max(64) });
const DeletedSchema = z.object({ deleted: z.string() });

function conditionOf(b: CreateAlertBody): AlertCondition {
  if (b.rule !== undefined) return { type: "rule", rule: b.rule };
  if (b.price) return { type: "price", ...b.price };
  if (b.pct_move) return { type: "pct_move", ...b.pct_move };
  if (b.pattern) return { type: "pattern", kind: b.pattern.kind };
  return { type: "signal", name: b.signal!.name };
}

async function checkSymbols(deps: CoreDeps, symbols: readonly string[], field: string) {
  const versions = await deps.market.versions();
  const missing = symbols.findIndex((s) => !versions.has(s));
  if (missing >= 0) {
    const f = field === "symbol" ? "symbol" : `${field}.${missing}`;
    const s = symbols[missing]!;
    throw new ValidationError(`Invalid body: ${f}: no stored data for ${s}`, [
      { field: f, message: `unknown symbol ${s}: load it first (GET /symbols lists them)` },
    ]);
  }
}

/** Alerts of the signed-in user: create, list, change, delete, and their firing history. */
export const alertsRoutes = routeGroup(
  (deps: CoreDeps) => {
    const limits: AlertLimits = {
      free: deps.config.ALERTS_MAX_ACTIVE_FREE,
      premium: deps.config.ALERTS_MAX_ACTIVE_PREMIUM,
    };
    return { deps, store: new AlertStore(deps.db), limits };
  },
  [
    {
      method: "post",
      path: "/api/alerts",
      summary: "Create an alert on a symbol, a watchlist or a saved screen (its current " +
        "results at each evaluation): a rule, a price crossing, a % move, " +
        "a pattern or a signal; in-app notification always, webhooks through `endpoints`. " +
        "429 beyond the plan's active alerts (free 20, premium 400 by default)",
      tag: TAG,
      body: CreateAlertBodySchema,
      response: AlertSchema,
      status: 201,
      errors: [401, 403, 422, 429],
      example: {
        symbol: "AAPL",
        rule: "rsi(14) crosses_above 30",
        trigger: "once_per_bar_close",
      },
      access: "user",
      scope: "alerts",
      handler: async (c, { deps, store, limits }) => {
        const user = requireUser(c);
        const b = validate(CreateAlertBodySchema, await readJson(c.req), "body");
        let screenName: string | null = null;
        if (b.screen !== undefined) {
          const saved = await new SavedScreens(deps.db).get(user.id, b.screen);
          if (!saved) {
            throw new ValidationError(`Invalid body: screen: no saved screen ${b.screen}`, [
              { field: "screen", message: "no saved screen with this id (GET /api/screens/saved)" },
            ]);
          }
          screenName = saved.name;
        }
        const symbols = b.symbol !== undefined
          ? [b.symbol]
          : b.watchlist !== undefined
          ? [...new Set(b.watchlist)]
          : [];
        if (b.screen === undefined) {
          await checkSymbols(deps, symbols, b.symbol !== undefined ? "symbol" : "watchlist");
        }
        const condition = conditionOf(b);
        const now = deps.now();
        const expiresAt = b.expires_at === undefined ? null : Date.parse(b.expires_at);
        if (expiresAt !== null && expiresAt <= now) {
          throw new ValidationError("Invalid body: expires_at: must be in the future", [
            { field: "expires_at", message: "must be in the future" },
          ]);
        }
        const watched = screenName !== null
          ? `screen ${screenName.slice(0, 40)}`
          : symbols.length === 1
          ? symbols[0]
          : `${symbols.length} symbols`;
        const a: NewAlert = {
          name: b.name ??
            `${watched}: ${
              condition.type === "rule" ? condition.rule.slice(0, 60) : condition.type
            }`,
          target: b.symbol !== undefined
            ? "symbol"
            : b.watchlist !== undefined
            ? "watchlist"
            : "screen",
          symbols,
          screenId: b.screen ?? null,
          condition,
          trigger: b.trigger,
          expiresAt,
          cooldownS: b.cooldown,
          endpoints: [...new Set(b.endpoints)],
        };
        try {
          compileAlert({ id: "", userId: user.id, ...a });
        } catch (e) {
          throw e instanceof RuleError ? e.inField("rule") : e;
        }
        return c.json(await store.create(user, a, { limits, now }), 201);
      },
    },
    {
      method: "get",
      path: "/api/alerts",
      summary: "The caller's alerts (newest first), how many are active and the plan's limit",
      tag: TAG,
      response: AlertListSchema,
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { store, limits }) => {
        const user = requireUser(c);
        return c.json({ ...(await store.list(user.id)), limit: limits[user.plan] });
      },
    },
    {
      method: "get",
      path: "/api/alerts/{id}",
      summary: "One of the caller's alerts",
      tag: TAG,
      params: AlertPath,
      response: AlertSchema,
      errors: [401, 404],
      access: "user",
      scope: "read",
      handler: async (c, { store }) => {
        const user = requireUser(c);
        const { id } = validate(AlertPath, c.req.param(), "path");
        const a = await store.get(user.id, id);
        if (!a) throw new NotFoundError(`Alert ${id} not found`);
        return c.json(a);
      },
    },
    {
      method: "patch",
      path: "/api/alerts/{id}",
      summary: "Rename, pause/resume (resuming counts against the limit), change the trigger, " +
        "expiry, cooldown or endpoints",
      tag: TAG,
      params: AlertPath,
      body: PatchAlertBodySchema,
      response: AlertSchema,
      errors: [401, 403, 404, 422, 429],
      example: { status: "paused" },
      access: "user",
      scope: "alerts",
      handler: async (c, { deps, store, limits }) => {
        const user = requireUser(c);
        const { id } = validate(AlertPath, c.req.param(), "path");
        const b = validate(PatchAlertBodySchema, await readJson(c.req), "body");
        const now = deps.now();
        return c.json(
          await store.update(user, id, {
            ...(b.name !== undefined ? { name: b.name } : {}),
            ...(b.status !== undefined ? { status: b.status } : {}),
            ...(b.trigger !== undefined ? { trigger: b.trigger } : {}),
            ...(b.expires_at !== undefined
              ? { expiresAt: b.expires_at === null ? null : Date.parse(b.expires_at) }
              : {}),
            ...(b.cooldown !== undefined ? { cooldownS: b.cooldown } : {}),
            ...(b.endpoints !== undefined ? { endpoints: [...new Set(b.endpoints)] } : {}),
          }, { limits, now }),
        );
      },
    },
    {
      method: "delete",
      path: "/api/alerts/{id}",
      summary: "Delete an alert and its history",
      tag: TAG,
      params: AlertPath,
      response: DeletedSchema,
      errors: [401, 403, 404],
      access: "user",
      scope: "alerts",
      handler: async (c, { store }) => {
        const user = requireUser(c);
        const { id } = validate(AlertPath, c.req.param(), "path");
        if (!(await store.delete(user.id, id))) throw new NotFoundError(`Alert ${id} not found`);
        return c.json({ deleted: id });
      },
    },
    {
      method: "get",
      path: "/api/alerts/{id}/events",
      summary: "The alert's latest 50 firings, each with its deliveries and every attempt " +
        "(status code, error, duration)",
      tag: TAG,
      params: AlertPath,
      response: AlertEventsSchema,
      errors: [401, 404],
      access: "user",
      scope: "read",
      handler: async (c, { deps, store }) => {
        const user = requireUser(c);
        const { id } = validate(AlertPath, c.req.param(), "path");
        if (!(await store.get(user.id, id))) throw new NotFoundError(`Alert ${id} not found`);
        return c.json({ alert_id: id, firings: await alertEvents(deps.db, id) });
      },
    },
  ],
);
