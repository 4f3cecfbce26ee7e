import { Hono } from "hono";
import { z } from "zod";
import { NotFoundError } from "@trading/shared/errors";
import { readJson, type RouteDoc, validate } from "@trading/shared/http";
import { BacktestRequestSchema, BacktestResultSchema } from "@trading/shared/schemas";
import { parseParams, runRequest } from "../../backtest/request.ts";
import type { CoreDeps } from "../../deps.ts";
import { optionalUser } from "../auth_context.ts";
import { barsInRange, strategyOr422 } from "./_backtest_input.ts";

const IdPath = z.object({ id: z.uuid() });

/** Route docs of this module. */
export const backtestsDocs: RouteDoc[] = [
  {
    method: "post",
    path: "/api/backtests",
    summary: "Run a strategy on stored bars (one symbol or a basket); stores and returns it",
    tag: "backtests",
    body: BacktestRequestSchema,
    response: BacktestResultSchema,
    errors: [404, 422],
  },
  {
    method: "get",
    path: "/api/backtests/{id}",
    summary: "A stored backtest",
    tag: "backtests",
    params: IdPath,
    response: BacktestResultSchema,
    errors: [404, 422],
  },
];

interface Row {
  id: string;
  user_id: string | null;
  result: string;
}

/** Backtests: run, store, fetch. */
export function backtestsRoutes(deps: CoreDeps): Hono {
  return new Hono()
    .post("/api/backtests", async (c) => {
      const body = validate(BacktestRequestSchema, await readJson(c.req), "body");
      const strategy = strategyOr422(body.strategy);
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
      };
      await deps.db.run(
        `INSERT INTO backtests (id, user_id, symbol, strategy, request, result, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          optionalUser(c)?.id ?? null,
          symbols.join(","),
          strategy.id,
          JSON.stringify(body),
          JSON.stringify(stored),
          stored.created_at,
        ],
      );
      return c.json(stored, 201);
    })
    .get("/api/backtests/:id", async (c) => {
      const { id } = validate(IdPath, c.req.param(), "path");
      const rows = await deps.db.query<Row>(
        "SELECT id, user_id, result FROM backtests WHERE id = ?",
        [id],
      );
      const row = rows[0];
      if (!row || (row.user_id !== null && row.user_id !== optionalUser(c)?.id)) {
        throw new NotFoundError(`No backtest ${id}`);
      }
      return c.body(row.result, 200, { "content-type": "application/json" });
    });
}
