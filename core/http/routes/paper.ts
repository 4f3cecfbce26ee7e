import { z } from "zod";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  ORDER_RESPONSE_EXAMPLE,
  PAPER_ORDER_REQUEST_EXAMPLE,
  PaperAccountCreateSchema,
  PaperAccountListSchema,
  PaperAccountSchema,
  PaperAdvanceResultSchema,
  PaperAdvanceSchema,
  PaperBotCreateSchema,
  PaperBotSchema,
  PaperFillListSchema,
  PaperOrderCreateSchema,
  PaperOrderListSchema,
  PaperOrderSchema,
  PaperPositionsSchema,
  PaperRiskSchema,
} from "@trading/shared/schemas";
import { parseParams } from "../../backtest/request.ts";
import type { CoreDeps } from "../../deps.ts";
import { MAX_OPEN_ORDERS } from "../../paper/orders.ts";
import { PaperService } from "../../paper/service.ts";
import { requireUser } from "../../auth/auth_context.ts";
import { strategyOr422 } from "./_backtest_input.ts";

const AccountPath = z.object({ id: z.uuid() });
const OrderPath = z.object({ id: z.uuid(), orderId: z.uuid() });
const OrdersQuery = z.object({
  status: z.enum(["open", "filled", "cancelled", "rejected"]).optional(),
});
const tag = "paper trading";

/** Paper trading for the signed-in user. */
export const paperRoutes = routeGroup(
  (deps: CoreDeps) => {
    const paper = new PaperService(deps.db, (s) => deps.series.get(s));
    const path = (c: { req: { param: () => unknown } }) =>
      validate(AccountPath, c.req.param(), "path");
    return { deps, paper, path };
  },
  [
    {
      method: "post",
      path: "/api/paper/accounts",
      summary: "Open a paper account (replay clock starts at `start`)",
      tag,
      body: PaperAccountCreateSchema,
      response: PaperAccountSchema,
      errors: [401, 422],
      access: "user",
      scope: "paper:trade",
      handler: async (c, { paper }) => {
        const user = requireUser(c);
        const body = validate(PaperAccountCreateSchema, await readJson(c.req), "body");
        return c.json(await paper.create(user.id, body), 201);
      },
    },
    {
      method: "get",
      path: "/api/paper/accounts",
      summary: "The caller's paper accounts",
      tag,
      response: PaperAccountListSchema,
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { paper }) => c.json({ accounts: await paper.list(requireUser(c).id) }),
    },
    {
      method: "get",
      path: "/api/paper/accounts/{id}",
      summary: "Account with positions, cash, equity, realised/unrealised P&L",
      tag,
      params: AccountPath,
      response: PaperAccountSchema,
      errors: [401, 404],
      access: "user",
      scope: "read",
      handler: async (c, { paper, path }) => c.json(await paper.get(requireUser(c).id, path(c).id)),
    },
    {
      method: "patch",
      path: "/api/paper/accounts/{id}/risk",
      summary: "Risk limits and kill switch",
      tag,
      params: AccountPath,
      body: PaperRiskSchema,
      response: PaperAccountSchema,
      errors: [401, 404, 422],
      access: "user",
      scope: "paper:trade",
      handler: async (c, { paper, path }) => {
        const user = requireUser(c);
        const body = validate(PaperRiskSchema, await readJson(c.req), "body");
        return c.json(await paper.setRisk(user.id, path(c).id, body));
      },
    },
    {
      method: "post",
      path: "/api/paper/accounts/{id}/orders",
      paramsExample: { id: ORDER_RESPONSE_EXAMPLE.account_id },
      example: PAPER_ORDER_REQUEST_EXAMPLE,
      responseExample: ORDER_RESPONSE_EXAMPLE,
      summary: "Place a market/limit/stop order (idempotent by client_order_id: the same id with " +
        `other terms is 409; at most ${MAX_OPEN_ORDERS} open orders per account, 422 beyond)`,
      tag,
      params: AccountPath,
      body: PaperOrderCreateSchema,
      response: PaperOrderSchema,
      errors: [401, 404, 409, 422],
      access: "user",
      scope: "paper:trade",
      handler: async (c, { paper, path }) => {
        const user = requireUser(c);
        const { id } = path(c);
        const body = validate(PaperOrderCreateSchema, await readJson(c.req), "body");
        const { order, replayed } = await paper.place(user.id, id, body);
        return c.json(order, replayed ? 200 : 201);
      },
    },
    {
      method: "get",
      path: "/api/paper/accounts/{id}/orders",
      summary: "Order history",
      tag,
      params: AccountPath,
      query: OrdersQuery,
      response: PaperOrderListSchema,
      errors: [401, 404],
      access: "user",
      scope: "read",
      handler: async (c, { paper, path }) => {
        const user = requireUser(c);
        const q = validate(OrdersQuery, c.req.query(), "query");
        return c.json({ orders: await paper.orders(user.id, path(c).id, q.status) });
      },
    },
    {
      method: "delete",
      path: "/api/paper/accounts/{id}/orders/{orderId}",
      summary: "Cancel an open order",
      tag,
      params: OrderPath,
      response: PaperOrderSchema,
      errors: [401, 404, 422],
      access: "user",
      scope: "paper:trade",
      handler: async (c, { paper }) => {
        const user = requireUser(c);
        const { id, orderId } = validate(OrderPath, c.req.param(), "path");
        return c.json(await paper.cancel(user.id, id, orderId));
      },
    },
    {
      method: "get",
      path: "/api/paper/accounts/{id}/positions",
      summary: "Open positions valued at the clock",
      tag,
      params: AccountPath,
      response: PaperPositionsSchema,
      errors: [401, 404],
      access: "user",
      scope: "read",
      handler: async (c, { paper, path }) => {
        const a = await paper.get(requireUser(c).id, path(c).id);
        return c.json({ clock: a.clock, positions: a.positions });
      },
    },
    {
      method: "get",
      path: "/api/paper/accounts/{id}/fills",
      summary: "Fill history",
      tag,
      params: AccountPath,
      response: PaperFillListSchema,
      errors: [401, 404],
      access: "user",
      scope: "read",
      handler: async (c, { paper, path }) =>
        c.json({ fills: await paper.fills(requireUser(c).id, path(c).id) }),
    },
    {
      method: "post",
      path: "/api/paper/accounts/{id}/advance",
      summary:
        "Replay the next stored bars (at most 2000 trading days, committed in chunks of at " +
        "most 250 days and ~20 ms of work, other requests served between chunks): fill orders, " +
        "run bots",
      tag,
      params: AccountPath,
      body: PaperAdvanceSchema,
      response: PaperAdvanceResultSchema,
      errors: [401, 404, 422],
      access: "user",
      scope: "paper:trade",
      handler: async (c, { paper, path }) => {
        const user = requireUser(c);
        const body = validate(PaperAdvanceSchema, await readJson(c.req), "body");
        return c.json(await paper.advance(user.id, path(c).id, body));
      },
    },
    {
      method: "post",
      path: "/api/paper/accounts/{id}/bots",
      summary: "Trade a strategy on the account (same code and fills as backtests, exit " +
        "levels included; at most 10 bots)",
      tag,
      params: AccountPath,
      body: PaperBotCreateSchema,
      response: PaperBotSchema,
      status: 201,
      errors: [401, 404, 422],
      access: "user",
      scope: "paper:trade",
      handler: async (c, { paper, path }) => {
        const user = requireUser(c);
        const body = validate(PaperBotCreateSchema, await readJson(c.req), "body");
        const strategy = strategyOr422(body.strategy, body.params);
        const params = parseParams(strategy, body.params);
        return c.json(
          await paper.addBot(user.id, path(c).id, { ...body, strategy: strategy.id, params }),
          201,
        );
      },
    },
  ],
);
