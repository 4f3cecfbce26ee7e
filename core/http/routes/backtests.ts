import { rateLimit } from "../../auth/rate_limit.ts";
import { z } from "zod";
import { NotFoundError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  BACKTEST_REQUEST_EXAMPLE,
  BACKTEST_RESPONSE_EXAMPLE,
  BacktestRequestSchema,
  BacktestResultSchema,
} from "@trading/shared/schemas";
import { parseParams, runRequest } from "../../backtest/request.ts";
import type { CoreDeps } from "../../deps.ts";
import { optionalUser } from "../../auth/auth_context.ts";
import { barsInRange, strategyOr422 } from "./_backtest_input.ts";
import {
  loadBacktest,
  purgeExpiredBacktests,
  retentionLimits,
  saveBacktest,
} from "../../backtest_store/store.ts";

/** The retention job runs at most this often per instance (ms), beside a POST. */
const PURGE_EVERY_MS = 60_000;

const IdPath = z.object({ id: z.uuid() });

/** Backtests: run, store, fetch. */
export const backtestsRoutes = routeGroup(
  (deps: CoreDeps) => {
    const limits = retentionLimits(deps.config);
    let lastPurge = 0;
    const purgeNow = () => {
      if (deps.now() - lastPurge < PURGE_EVERY_MS) return;
      lastPurge = deps.now();
      purgeExpiredBacktests(deps.db, { now: lastPurge })
        .then((n) => n && deps.logger.info("expired backtests purged", { count: n }))
        .catch((e) => deps.logger.warn("backtest purge failed", { error: (e as Error).message }));
    };
    return { deps, limits, lastPurge, purgeNow };
  },
  [
    {
      method: "post",
      path: "/api/backtests",
      responseExample: BACKTEST_RESPONSE_EXAMPLE,
      summary:
        "Run a strategy on stored bars (one symbol or a basket); stores and returns it. Anonymous " +
        "results are kept BACKTEST_ANON_TTL_HOURS (24 h); a user keeps the newest " +
        "BACKTEST_USER_MAX_COUNT results within BACKTEST_USER_MAX_MB",
      tag: "backtests",
      body: BacktestRequestSchema,
      response: BacktestResultSchema,
      status: 201,
      errors: [404, 422, 429],
      example: BACKTEST_REQUEST_EXAMPLE,
      access: "public",
      use: [rateLimit({ key: "backtest", limit: 30, windowS: 60 })],
      scope: "backtest",
      handler: async (c, { deps, limits, purgeNow }) => {
        const body = validate(BacktestRequestSchema, await readJson(c.req), "body");
        const strategy = strategyOr422(body.strategy, body.params);
        const params = parseParams(strategy, body.params);
        const symbols = body.symbols ?? [body.symbol!];
        const series = [];
        for (const symbol of symbols) {
          series.push({ symbol, cols: await barsInRange(deps, symbol, body) });
        }
        const result = runRequest(series, strategy, params, body);
        const id = crypto.randomUUID();
        const stored = {
          id,
          symbols,
          strategy: strategy.id,
          params,
          created_at: new Date().toISOString(),
          ...result,
          interval: body.interval,
        };
        const json = JSON.stringify(stored);
        await saveBacktest(deps.db, {
          id,
          userId: optionalUser(c)?.id ?? null,
          symbols,
          strategy: strategy.id,
          request: JSON.stringify(body),
          result: json,
          createdAt: stored.created_at,
        }, { now: deps.now(), limits });
        purgeNow();
        return c.body(json, 201, { "content-type": "application/json" });
      },
    },
    {
      method: "get",
      path: "/api/backtests/{id}",
      summary: "A stored backtest",
      tag: "backtests",
      params: IdPath,
      response: BacktestResultSchema,
      errors: [404, 422],
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const { id } = validate(IdPath, c.req.param(), "path");
        const row = await loadBacktest(deps.db, id, { now: deps.now() });
        if (!row || (row.userId !== null && row.userId !== optionalUser(c)?.id)) {
          throw new NotFoundError(`No backtest ${id} (anonymous results are kept 24 hours)`);
        }
        return c.body(row.result, 200, { "content-type": "application/json" });
      },
    },
  ],
);
