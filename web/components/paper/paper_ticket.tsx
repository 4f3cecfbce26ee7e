/**
 * The order ticket (market, limit, stop) with the position, the last price at the account's
 * clock, the estimated cost with commission and the buying power; a sell above the long
 * position needs an explicit "open a short" choice. And the form that opens a paper account.
 *
 * @module
 */
import { useEffect, useState } from "preact/hooks";
import { DEFAULT_FEE_BPS } from "@trading/shared/costs";
import { fmtNum } from "../format.ts";
import { estimateOrder } from "./order_estimate.ts";
import { type ClockPrice, TicketFacts } from "./TicketFacts.tsx";
import type { Lang, T } from "../../i18n/mod.ts";
import type { PaperAccount, PaperOrder } from "../../lib/api_types.ts";
import type { FieldIssue } from "../../lib/api_error.ts";
import { issueFor } from "../../lib/api_error.ts";
import { Check, Field, FieldRow, Select } from "../form/fields.tsx";

/** An order as typed. */
export interface TicketValues {
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: string;
  price: string;
  /** The trader chose to open a short (a sell above the long position). */
  allowShort: boolean;
}

/** The body of `POST …/orders` for `v` (a fresh idempotency key per placement). */
export function orderBody(v: TicketValues, clientOrderId: string): Record<string, unknown> {
  const body: Record<string, unknown> = {
    client_order_id: clientOrderId,
    symbol: v.symbol,
    side: v.side,
    type: v.type,
    qty: Number(v.qty),
  };
  if (v.type !== "market") body.price = Number(v.price);
  if (v.side === "sell" && v.allowShort) body.allow_short = true;
  return body;
}

/** The close on or before the account's clock (null when none; undefined while loading). */
function useClockPrice(symbol: string, clock: string): ClockPrice | null | undefined {
  const [last, setLast] = useState<ClockPrice | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setLast(undefined);
    const q = `to=${encodeURIComponent(clock)}&limit=1`;
    fetch(`/api/symbols/${encodeURIComponent(symbol)}/candles?${q}`)
      .then((r) => r.ok ? r.json() : null)
      .then((b: { candles: { date: string; close: number }[] } | null) => {
        const c = b?.candles.at(-1);
        if (live) setLast(c ? { price: c.close, date: c.date } : null);
      })
      .catch(() => live && setLast(null));
    return () => {
      live = false;
    };
  }, [symbol, clock]);
  return last;
}

/** The ticket: symbol, coloured side choice, type, quantity, price, and what it will cost. */
export function Ticket(
  { t, lang, account, orders, symbols, initialSymbol, busy, issues, onPlace }: {
    t: T;
    lang: Lang;
    account: PaperAccount;
    orders: PaperOrder[];
    symbols: { symbol: string; name: string }[];
    initialSymbol?: string | undefined;
    busy: boolean;
    issues: FieldIssue[];
    onPlace: (v: TicketValues) => void;
  },
) {
  const [v, setV] = useState<TicketValues>({
    symbol: initialSymbol ?? symbols[0]?.symbol ?? "",
    side: "buy",
    type: "market",
    qty: "10",
    price: "",
    allowShort: false,
  });
  const set = (patch: Partial<TicketValues>) => setV((x) => ({ ...x, ...patch }));
  const last = useClockPrice(v.symbol, account.clock);
  const held = account.positions.find((p) => p.symbol === v.symbol)?.qty ?? 0;
  const pendingSells = orders
    .filter((o) => o.status === "open" && o.symbol === v.symbol && o.side === "sell")
    .filter((o) => !o.allow_short)
    .reduce((n, o) => n + o.qty, 0);
  const qty = Number(v.qty);
  const ref = v.type !== "market" && Number(v.price) > 0 ? Number(v.price) : last?.price ?? NaN;
  const est = estimateOrder(v.side, qty, ref, {
    cash: account.cash,
    feeBps: account.costs.fee_bps,
    minFee: account.costs.min_fee,
    held,
    pendingSells,
  });
  const needsShort = est.shortQty > 0 && !v.allowShort;
  const sideText = t(v.side === "buy" ? "paper.buy" : "paper.sell");
  const options = symbols.some((s) => s.symbol === v.symbol)
    ? symbols
    : [{ symbol: v.symbol, name: "" }, ...symbols];
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!needsShort) onPlace(v);
      }}
      noValidate
      aria-labelledby="ticket-h"
      class={`ticket side-${v.side}`}
    >
      <FieldRow>
        <Select
          id="tk-symbol"
          label={t("paper.symbol")}
          value={v.symbol}
          onChange={(symbol) => set({ symbol, allowShort: false })}
          options={options.map((s) => ({
            value: s.symbol,
            label: s.name ? `${s.symbol} · ${s.name}` : s.symbol,
          }))}
          error={issueFor(issues, "symbol")}
        />
        <fieldset class="seg radio side-pick">
          <legend>{t("paper.side")}</legend>
          {(["buy", "sell"] as const).map((side) => (
            <label key={side} class={`check side-${side}`}>
              <input
                type="radio"
                name="tk-side"
                value={side}
                checked={v.side === side}
                onChange={() => set({ side, allowShort: false })}
              />
              <span>{t(side === "buy" ? "paper.buy" : "paper.sell")}</span>
            </label>
          ))}
        </fieldset>
        <Select
          id="tk-type"
          label={t("paper.type")}
          value={v.type}
          onChange={(type) => set({ type: type as TicketValues["type"] })}
          options={(["market", "limit", "stop"] as const).map((x) => ({
            value: x,
            label: t(`paper.type.${x}`),
          }))}
        />
        <Field
          id="tk-qty"
          type="number"
          label={t("paper.qty")}
          value={v.qty}
          onInput={(qty) => set({ qty })}
          error={issueFor(issues, "qty")}
          attrs={{ min: 0, step: "any", required: true, inputmode: "decimal" }}
        />
        {v.type !== "market"
          ? (
            <Field
              id="tk-price"
              type="number"
              label={t("paper.price")}
              value={v.price}
              onInput={(price) => set({ price })}
              help={t("paper.price.help")}
              error={issueFor(issues, "price")}
              attrs={{ min: 0, step: "any", required: true, inputmode: "decimal" }}
            />
          )
          : null}
      </FieldRow>
      <TicketFacts
        t={t}
        lang={lang}
        side={v.side}
        held={held}
        last={last}
        estimate={est}
        feeBps={account.costs.fee_bps}
        cash={account.cash}
      />
      {est.shortQty > 0
        ? (
          <div class="notice short-warning" role="alert" data-testid="short-warning">
            <p>
              {t("paper.short.warn", {
                held: fmtNum(lang, Math.max(0, held), 4),
                symbol: v.symbol,
                qty: fmtNum(lang, qty, 4),
                short: fmtNum(lang, est.shortQty, 4),
              })}
              {pendingSells > 0 ? ` ${t("paper.short.pending", { n: pendingSells })}` : ""}
            </p>
            <Check
              id="tk-short"
              label={t("paper.short.allow")}
              checked={v.allowShort}
              onChange={(allowShort) => set({ allowShort })}
            />
            {needsShort
              ? <p class="small">{t("paper.short.needed", { n: fmtNum(lang, est.sellable, 4) })}</p>
              : null}
          </div>
        )
        : null}
      {est.overBudget ? <p class="notice" role="status">{t("paper.overBudget")}</p> : null}
      <button
        type="submit"
        class={`primary place-${v.side}`}
        disabled={busy || needsShort}
        data-testid="place-order"
      >
        {t("paper.place.side", { side: sideText, qty: fmtNum(lang, qty, 4), symbol: v.symbol })}
      </button>
    </form>
  );
}

/** Opens an account: name, cash, replay start and commission (the backtest default). */
export function NewAccount(
  { t, defaultStart, busy, issues, onCreate }: {
    t: T;
    defaultStart: string;
    busy: boolean;
    issues: FieldIssue[];
    onCreate: (v: { name: string; cash: number; start: string; fee_bps: number }) => void;
  },
) {
  const [name, setName] = useState(t("paper.defaultName"));
  const [cash, setCash] = useState("100000");
  const [start, setStart] = useState(defaultStart);
  const [fee, setFee] = useState(String(DEFAULT_FEE_BPS));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onCreate({ name, cash: Number(cash), start, fee_bps: Number(fee) });
      }}
      noValidate
    >
      <FieldRow>
        <Field
          id="pa-name"
          label={t("paper.name")}
          value={name}
          onInput={setName}
          error={issueFor(issues, "name")}
          attrs={{ maxlength: 80 }}
        />
        <Field
          id="pa-cash"
          type="number"
          label={t("paper.cash")}
          value={cash}
          onInput={setCash}
          error={issueFor(issues, "cash")}
          attrs={{ min: 1, step: "any" }}
        />
        <Field
          id="pa-start"
          type="date"
          label={t("paper.start")}
          value={start}
          onInput={setStart}
          help={t("paper.start.help")}
          error={issueFor(issues, "start")}
        />
        <Field
          id="pa-fee"
          type="number"
          label={t("paper.feeBps")}
          value={fee}
          onInput={setFee}
          help={t("paper.feeBps.help", { bps: DEFAULT_FEE_BPS })}
          error={issueFor(issues, "fee_bps")}
          attrs={{ min: 0, max: 1000, step: "any", inputmode: "decimal" }}
        />
      </FieldRow>
      <button type="submit" class="primary" disabled={busy}>{t("paper.create")}</button>
    </form>
  );
}
