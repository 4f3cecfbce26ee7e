/**
 * Paper-trading tools on the caller's own accounts (an API token is needed; anonymous callers
 * never see them). Orders go through the paper routes, so the account's risk limits, kill
 * switch, open-order cap and the idempotency of `client_order_id` are the API's own.
 *
 * @module
 */
import { z } from "zod";
import {
  IsoDateSchema,
  PaperAccountSchema,
  PaperOrderSchema,
  SymbolParamSchema,
} from "@trading/shared/schemas";
import { NotFoundError } from "@trading/shared/errors";
import type { ApiClient } from "./dispatch.ts";
import { type AnyTool, defineTool, lastN } from "./tool.ts";

/** Most open orders `paper_account` lists. */
export const MAX_LISTED_ORDERS = 20;

type Account = z.input<typeof PaperAccountSchema>;
type Order = z.input<typeof PaperOrderSchema>;

const accountId = z.uuid().optional().describe(
  "Paper account id (default: your first account; see paper_account)",
);

/** The account `id`, or the caller's first one; a clear error when there is none. */
async function accountFor(api: ApiClient, id: string | undefined): Promise<string> {
  if (id) return id;
  const { accounts } = await api.call<{ accounts: Account[] }>({
    method: "GET",
    path: "/api/paper/accounts",
  });
  const first = accounts[0];
  if (!first) {
    throw new NotFoundError("You have no paper account yet: open one with open_paper_account");
  }
  return first.id;
}

const summary = (a: Account) => ({
  id: a.id,
  name: a.name,
  clock: a.clock,
  cash: a.cash,
  equity: a.equity,
});

const paperAccount = defineTool({
  name: "paper_account",
  title: "Paper account",
  description: "Your paper-trading accounts, and one account in detail (account_id, default " +
    "the first): replay clock (the simulated current date), cash, equity, realised/unrealised " +
    `P&L, positions valued at the clock, risk limits and up to ${MAX_LISTED_ORDERS} open orders.`,
  scope: "read",
  signedIn: true,
  effect: "read",
  input: z.object({ account_id: accountId }),
  output: z.object({
    accounts: z.array(z.object({
      id: z.string(),
      name: z.string(),
      clock: z.string(),
      cash: z.number(),
      equity: z.number(),
    })),
    account: PaperAccountSchema.nullable(),
    open_orders: z.array(PaperOrderSchema),
  }),
  run: async ({ account_id }, { api }) => {
    const { accounts } = await api.call<{ accounts: Account[] }>({
      method: "GET",
      path: "/api/paper/accounts",
    });
    const id = account_id ?? accounts[0]?.id;
    if (!id) return { accounts: [], account: null, open_orders: [] };
    const account = await api.call<Account>({ method: "GET", path: `/api/paper/accounts/${id}` });
    const { orders } = await api.call<{ orders: Order[] }>({
      method: "GET",
      path: `/api/paper/accounts/${id}/orders`,
      query: { status: "open" },
    });
    return {
      accounts: accounts.map(summary),
      account,
      open_orders: lastN(orders, MAX_LISTED_ORDERS),
    };
  },
});

const openPaperAccount = defineTool({
  name: "open_paper_account",
  title: "Open a paper account",
  description: "Opens a paper-trading account with simulated cash whose replay clock starts at " +
    "`start`: orders fill on the stored bars after the clock (advance it with " +
    "advance_paper_clock). Costs default to the backtest lab's. Keyed by name, so a retry is " +
    "safe: when you already have an account with this name it is returned unchanged " +
    "(`opened` false) and no second one is opened; pick a new name for a new account.",
  scope: "paper:trade",
  signedIn: true,
  effect: "write",
  input: z.object({
    start: IsoDateSchema.describe("Replay clock start (YYYY-MM-DD)"),
    name: z.string().trim().min(1).max(80).default("Paper account"),
    cash: z.number().gt(0).max(1e12).default(100_000),
  }),
  output: z.object({ opened: z.boolean(), account: PaperAccountSchema }),
  run: async (body, { api }) => {
    const { accounts } = await api.call<{ accounts: Account[] }>({
      method: "GET",
      path: "/api/paper/accounts",
    });
    const same = accounts.find((a) => a.name === body.name);
    if (same) {
      const account = await api.call<Account>({
        method: "GET",
        path: `/api/paper/accounts/${same.id}`,
      });
      return { opened: false, account };
    }
    const account = await api.call<Account>({ method: "POST", path: "/api/paper/accounts", body });
    return { opened: true, account };
  },
});

const placePaperOrder = defineTool({
  name: "place_paper_order",
  title: "Place a paper order",
  description: "Places a market, limit or stop order on a paper account (simulated money). " +
    "It fills when the replay clock reaches the next bar (market: at its open; limit/stop: when " +
    "touched). idempotency_key is required: a retry with the same key returns the same order " +
    "and never places a second one (the same key with other terms is refused). A sell larger " +
    "than the position opens a short only with allow_short.",
  scope: "paper:trade",
  signedIn: true,
  effect: "write",
  input: z.object({
    symbol: SymbolParamSchema,
    side: z.enum(["buy", "sell"]),
    qty: z.number().gt(0).max(1e9).describe("Shares"),
    type: z.enum(["market", "limit", "stop"]).default("market"),
    price: z.number().gt(0).max(1e9).optional().describe("Limit or stop level (not for market)"),
    account_id: accountId,
    idempotency_key: z.string().trim().min(1).max(64).regex(/^[A-Za-z0-9._:-]+$/)
      .describe("Unique per intended order, e.g. a UUID; letters, digits and . _ : -"),
    allow_short: z.boolean().default(false),
  }),
  output: z.object({ account_id: z.string(), order: PaperOrderSchema }),
  run: async ({ account_id, idempotency_key, ...order }, { api }) => {
    const id = await accountFor(api, account_id);
    const placed = await api.call<Order>({
      method: "POST",
      path: `/api/paper/accounts/${id}/orders`,
      body: { ...order, client_order_id: idempotency_key },
    });
    return { account_id: id, order: placed };
  },
});

const cancelPaperOrder = defineTool({
  name: "cancel_paper_order",
  title: "Cancel a paper order",
  description: "Cancels an open order of a paper account (idempotent by order id: an order " +
    "already filled or cancelled is reported as an error and nothing changes).",
  scope: "paper:trade",
  signedIn: true,
  effect: "write",
  input: z.object({ order_id: z.uuid(), account_id: accountId }),
  output: z.object({ account_id: z.string(), order: PaperOrderSchema }),
  run: async ({ order_id, account_id }, { api }) => {
    const id = await accountFor(api, account_id);
    const order = await api.call<Order>({
      method: "DELETE",
      path: `/api/paper/accounts/${id}/orders/${order_id}`,
    });
    return { account_id: id, order };
  },
});

const advancePaperClock = defineTool({
  name: "advance_paper_clock",
  title: "Advance the replay clock",
  description: "Replays the next stored trading days on a paper account: open orders fill, " +
    "bots trade. Give `to` (replay up to and including that date, at most 2000 trading days) " +
    "or `bars` (1..250 trading days). Prefer `to` when a call may be retried: a replay to a " +
    "date the clock has already reached is refused and changes nothing, while `bars` replays " +
    "again on every call. Returns the account after the replay and how many fills happened.",
  scope: "paper:trade",
  signedIn: true,
  effect: "write",
  input: z.object({
    to: IsoDateSchema.optional().describe("Replay up to this date (YYYY-MM-DD), inclusive"),
    bars: z.number().int().min(1).max(250).optional().describe("Trading days to replay"),
    account_id: accountId,
  }).refine((a) => (a.bars === undefined) !== (a.to === undefined), {
    message: "give either to or bars",
    path: ["to"],
  }),
  output: z.object({
    account: PaperAccountSchema,
    replayed_bars: z.number().int(),
    fill_count: z.number().int(),
  }),
  run: async ({ bars, to, account_id }, { api }) => {
    const id = await accountFor(api, account_id);
    const r = await api.call<{ account: Account; fills: unknown[]; replayed_bars: number }>({
      method: "POST",
      path: `/api/paper/accounts/${id}/advance`,
      body: to !== undefined ? { to } : { bars },
    });
    return { account: r.account, replayed_bars: r.replayed_bars, fill_count: r.fills.length };
  },
});

/** Paper-trading tools. */
export const PAPER_TOOLS: readonly AnyTool[] = [
  paperAccount,
  openPaperAccount,
  placePaperOrder,
  cancelPaperOrder,
  advancePaperClock,
];
