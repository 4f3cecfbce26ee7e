import { z } from "zod";
import { NotFoundError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  SavedScreenInputSchema,
  SavedScreenSchema,
  ScreenRequestSchema,
  ScreenResultSchema,
} from "@trading/shared/schemas";
import { rateLimit } from "../../auth/rate_limit.ts";
import type { CoreDeps } from "../../deps.ts";
import { compileRule } from "../../rules/mod.ts";
import { runScreen } from "../../screens/run_screen.ts";
import { type SavedScreenRow, SavedScreens } from "../../screens/store.ts";
import { UniverseCache } from "../../screens/universe.ts";
import { OneAtATime } from "../../screens/one_at_a_time.ts";
import { optionalUser, requireUser } from "../../auth/auth_context.ts";
import { Watchlists } from "../../watchlist/store.ts";
import { watchlistUniverse } from "../../watchlist/universe.ts";

/** Saving screens per user and IP (each save compiles the rules). */
const savedLimit = rateLimit({ key: "screens-saved", limit: 60, windowS: 600 });

const IdPath = z.object({ id: z.uuid() });

/** Screens per user and per IP per minute (each evaluates a rule over the whole universe). */
const screenLimit = rateLimit({ key: "screens", limit: 60, windowS: 60, ipLimit: 120 });

const toWire = (r: SavedScreenRow) => ({ ...r.spec, id: r.id, name: r.name, ...dates(r) });
const dates = (r: SavedScreenRow) => ({ created_at: r.created_at, updated_at: r.updated_at });

/** A saved screen's spec, checked to compile (so it reruns) before it is stored. */
function specOf(body: z.infer<typeof SavedScreenInputSchema>): Record<string, unknown> {
  compileRule(body.rule, { expect: "condition", field: "rule" });
  body.columns.forEach((src, k) => compileRule(src, { field: `columns.${k}` }));
  const { name: _name, ...spec } = body;
  return spec;
}

/** The screener and saved screens. */
export const screensRoutes = routeGroup(
  (deps: CoreDeps) => ({
    deps,
    universe: new UniverseCache(deps.series),
    saved: new SavedScreens(deps.db),
    iso: () => new Date(deps.now()).toISOString(),
    queue: new OneAtATime(),
    lists: new Watchlists(deps.db),
  }),
  [
    {
      method: "post",
      path: "/api/screens",
      summary: "Every symbol where a rule is true at its last bar (or at as_of), with the " +
        "requested columns, bars since the rule became true, freshness and recent closes. " +
        'universe "watchlist" screens the caller\'s server watchlist (401 when anonymous, 422 ' +
        "when empty). Reads the universe from an in-memory columnar cache that data imports and syncs invalidate. " +
        "Screens run one at a time, yielding between steps; one not done within 5 s (waiting " +
        "included) is stopped with a 503 rule_timeout",
      tag: "rules",
      body: ScreenRequestSchema,
      response: ScreenResultSchema,
      errors: [401, 422, 429, 503],
      example: {
        rule: "rsi(14) < 30 and close > sma(200)",
        columns: ["rsi(14)", "close / sma(200) - 1"],
        sort: { by: 0, order: "asc" },
        limit: 50,
      },
      access: "public",
      scope: "read",
      use: [screenLimit],
      handler: async (c, { deps, universe, queue, lists }) => {
        const body = validate(ScreenRequestSchema, await readJson(c.req), "body");
        const cols = body.universe === "all"
          ? await universe.all(body.interval)
          : await universe.pick(
            body.universe === "watchlist"
              ? await watchlistUniverse(lists, optionalUser(c))
              : body.universe,
            body.interval,
          );
        // freshness is the daily data's, whatever the interval
        const daily = body.interval === "1d" ? cols : await universe.all();
        const lastDay = (s: string) => daily.get(s)?.dates.at(-1);
        return c.json(await runScreen(body, cols, deps.now(), { lastDay, queue }));
      },
    },
    {
      method: "get",
      path: "/api/screens/saved",
      summary: "The caller's saved screens, most recently changed first",
      tag: "rules",
      response: z.object({ screens: z.array(SavedScreenSchema) }),
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { saved }) => {
        const user = requireUser(c);
        return c.json({ screens: (await saved.list(user.id)).map(toWire) });
      },
    },
    {
      method: "post",
      path: "/api/screens/saved",
      summary: "Save a screen (its rule and columns must compile; at most 100 per user)",
      tag: "rules",
      body: SavedScreenInputSchema,
      response: SavedScreenSchema,
      status: 201,
      errors: [401, 422],
      example: { name: "Oversold in an uptrend", rule: "rsi(14) < 30 and close > sma(200)" },
      access: "user",
      use: [savedLimit],
      scope: "backtest",
      handler: async (c, { saved, iso }) => {
        const user = requireUser(c);
        const body = validate(SavedScreenInputSchema, await readJson(c.req), "body");
        return c.json(toWire(await saved.create(user.id, body.name, specOf(body), iso())), 201);
      },
    },
    {
      method: "get",
      path: "/api/screens/saved/{id}",
      summary: "One of the caller's saved screens",
      tag: "rules",
      params: IdPath,
      response: SavedScreenSchema,
      errors: [401, 404, 422],
      access: "user",
      scope: "read",
      handler: async (c, { saved }) => {
        const user = requireUser(c);
        const { id } = validate(IdPath, c.req.param(), "path");
        const row = await saved.get(user.id, id);
        if (!row) throw new NotFoundError(`No saved screen ${id}`);
        return c.json(toWire(row));
      },
    },
    {
      method: "put",
      path: "/api/screens/saved/{id}",
      summary: "Replace one of the caller's saved screens (name, rule, universe, columns, sort)",
      tag: "rules",
      params: IdPath,
      body: SavedScreenInputSchema,
      response: SavedScreenSchema,
      errors: [401, 404, 422],
      access: "user",
      use: [savedLimit],
      scope: "backtest",
      handler: async (c, { saved, iso }) => {
        const user = requireUser(c);
        const { id } = validate(IdPath, c.req.param(), "path");
        const body = validate(SavedScreenInputSchema, await readJson(c.req), "body");
        const row = await saved.update(user.id, id, body.name, specOf(body), iso());
        if (!row) throw new NotFoundError(`No saved screen ${id}`);
        return c.json(toWire(row));
      },
    },
    {
      method: "delete",
      path: "/api/screens/saved/{id}",
      summary: "Delete one of the caller's saved screens",
      tag: "rules",
      params: IdPath,
      response: z.object({ deleted: z.string() }),
      errors: [401, 404, 422],
      access: "user",
      scope: "backtest",
      handler: async (c, { saved }) => {
        const user = requireUser(c);
        const { id } = validate(IdPath, c.req.param(), "path");
        if (!await saved.remove(user.id, id)) throw new NotFoundError(`No saved screen ${id}`);
        return c.json({ deleted: id });
      },
    },
  ],
);
