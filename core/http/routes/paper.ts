import { Hono } from "hono";
import { z } from "zod";
import { readJson, type RouteDoc, validate } from "@trading/shared/http";
import {
  PaperAccountCreateSchema,
  PaperAccountSchema,
  PaperAdvanceSchema,
  PaperBotCreateSchema,
  PaperOrderCreateSchema,
  PaperOrderSchema,
  PaperRiskSchema,
} from "@trading/shared/schemas";
import { parseParams } from "../../backtest/request.ts";
import type { CoreDeps } from "../../deps.ts";
import { MAX_OPEN_ORDERS } from "../../paper/orders.ts";
import { PaperService } from "../../paper/service.ts";
import { requireUser } from "../auth_context.ts";
import { strategyOr422 } from "./_backtest_input.ts";

const AccountPath = z.object({ id: z.uuid() });
const OrderPath = z.object({ id: z.uuid(), orderId: z.uuid() });
const OrdersQuery = z.object({
  status: z.enum(["open", "filled", "cancelled", "rejected"]).optional(),
});
const base = "/api/paper/accounts";
const tag = "paper trading";

/** Route docs of this module. */
export const paperDocs: RouteDoc[] = [
  {
    method: "post",
    path: base,
    summary: "Open a paper account (replay clock starts at `start`)",
    tag,
    body: PaperAccountCreateSchema,
    response: PaperAccountSchema,
    errors: [401, 422],
  },
  { method: "get", path: base, summary: "The caller's paper accounts", tag, errors: [401] },
  {
    method: "get",
    path: `${base}/{id}`,
    summary: "Account with positions, cash, equity, realised/unrealised P&L",
    tag,
    params: AccountPath,
    response: PaperAccountSchema,
    errors: [401, 404],
  },
  {
    method: "patch",
    path: `${base}/{id}/risk`,
    summary: "Risk limits and kill switch",
    tag,
    params: AccountPath,
    body: PaperRiskSchema,
    response: PaperAccountSchema,
    errors: [401, 404, 422],
  },
  {
    method: "post",
    path: `${base}/{id}/orders`,
    summary: "Place a market/limit/stop order (idempotent by client_order_id: the same id with " +
      `other terms is 409; at most ${MAX_OPEN_ORDERS} open orders per account, 422 beyond)`,
    tag,
    params: AccountPath,
    body: PaperOrderCreateSchema,
    response: PaperOrderSchema,
    errors: [401, 404, 409, 422],
  },
  {
    method: "get",
    path: `${base}/{id}/orders`,
    summary: "Order history",
    tag,
    params: AccountPath,
    query: OrdersQuery,
    errors: [401, 404],
  },
  {
    method: "delete",
    path: `${base}/{id}/orders/{orderId}`,
    summary: "Cancel an open order",
    tag,
    params: OrderPath,
    response: PaperOrderSchema,
    errors: [401, 404, 422],
  },
  {
    method: "get",
    path: `${base}/{id}/positions`,
    summary: "Open positions valued at the clock",
    tag,
    params: AccountPath,
    errors: [401, 404],
  },
  {
    method: "get",
    path: `${base}/{id}/fills`,
    summary: "Fill history",
    tag,
    params: AccountPath,
    errors: [401, 404],
  },
  {
    method: "post",
    path: `${base}/{id}/advance`,
    summary: "Replay the next stored bars (at most 2000 trading days, committed in chunks of at " +
      "most 250 days and ~20 ms of work, other requests served between chunks): fill orders, " +
      "run bots",
    tag,
    params: AccountPath,
    body: PaperAdvanceSchema,
    errors: [401, 404, 422],
  },
  {
    method: "post",
    path: `${base}/{id}/bots`,
    summary: "Trade a strategy on the account (same code and fills as backtests, exit " +
      "levels included; at most 10 bots)",
    tag,
    params: AccountPath,
    body: PaperBotCreateSchema,
    errors: [401, 404, 422],
  },
];

/** Paper trading for the signed-in user. */
export function paperRoutes(deps: CoreDeps): Hono {
  const paper = new PaperService(deps.db, (s) => deps.series.get(s));
  const path = (c: { req: { param: () => unknown } }) =>
    validate(AccountPath, c.req.param(), "path");
  return new Hono()
    .post(base, async (c) => {
      const user = requireUser(c);
      const body = validate(PaperAccountCreateSchema, await readJson(c.req), "body");
      return c.json(await paper.create(user.id, body), 201);
    })
    .get(base, async (c) => c.json({ accounts: await paper.list(requireUser(c).id) }))
    .get(`${base}/:id`, async (c) => c.json(await paper.get(requireUser(c).id, path(c).id)))
    .patch(`${base}/:id/risk`, async (c) => {
      const user = requireUser(c);
      const body = validate(PaperRiskSchema, await readJson(c.req), "body");
      return c.json(await paper.setRisk(user.id, path(c).id, body));
    })
    .post(`${base}/:id/orders`, async (c) => {
      const user = requireUser(c);
      const { id } = path(c);
      const body = validate(PaperOrderCreateSchema, await readJson(c.req), "body");
      const { order, replayed } = await paper.place(user.id, id, body);
      return c.json(order, replayed ? 200 : 201);
    })
    .get(`${base}/:id/orders`, async (c) => {
      const user = requireUser(c);
      const q = validate(OrdersQuery, c.req.query(), "query");
      return c.json({ orders: await paper.orders(user.id, path(c).id, q.status) });
    })
    .delete(`${base}/:id/orders/:orderId`, async (c) => {
      const user = requireUser(c);
      const { id, orderId } = validate(OrderPath, c.req.param(), "path");
      return c.json(await paper.cancel(user.id, id, orderId));
    })
    .get(`${base}/:id/positions`, async (c) => {
      const a = await paper.get(requireUser(c).id, path(c).id);
      return c.json({ clock: a.clock, positions: a.positions });
    })
    .get(
      `${base}/:id/fills`,
      async (c) => c.json({ fills: await paper.fills(requireUser(c).id, path(c).id) }),
    )
    .post(`${base}/:id/advance`, async (c) => {
      const user = requireUser(c);
      const body = validate(PaperAdvanceSchema, await readJson(c.req), "body");
      return c.json(await paper.advance(user.id, path(c).id, body));
    })
    .post(`${base}/:id/bots`, async (c) => {
      const user = requireUser(c);
      const body = validate(PaperBotCreateSchema, await readJson(c.req), "body");
      const strategy = strategyOr422(body.strategy);
      const params = parseParams(strategy, body.params);
      return c.json(
        await paper.addBot(user.id, path(c).id, { ...body, strategy: strategy.id, params }),
        201,
      );
    });
}
