/**
 * The order ticket (market, limit, stop) and the form that opens a paper account.
 *
 * @module
 */
import { useState } from "preact/hooks";
import type { T } from "../i18n/mod.ts";
import type { FieldIssue } from "./_api_error.ts";
import { issueFor } from "./_api_error.ts";
import { Field, FieldRow, Select } from "./_fields.tsx";

/** An order as typed. */
export interface TicketValues {
  symbol: string;
  side: "buy" | "sell";
  type: "market" | "limit" | "stop";
  qty: string;
  price: string;
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
  return body;
}

/** The ticket. */
export function Ticket(
  { t, symbols, busy, issues, onPlace }: {
    t: T;
    symbols: { symbol: string; name: string }[];
    busy: boolean;
    issues: FieldIssue[];
    onPlace: (v: TicketValues) => void;
  },
) {
  const [v, setV] = useState<TicketValues>({
    symbol: symbols[0]?.symbol ?? "",
    side: "buy",
    type: "market",
    qty: "10",
    price: "",
  });
  const set = (patch: Partial<TicketValues>) => setV((x) => ({ ...x, ...patch }));
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onPlace(v);
      }}
      noValidate
      aria-labelledby="ticket-h"
    >
      <FieldRow>
        <Select
          id="tk-symbol"
          label={t("paper.symbol")}
          value={v.symbol}
          onChange={(symbol) => set({ symbol })}
          options={symbols.map((s) => ({ value: s.symbol, label: `${s.symbol} · ${s.name}` }))}
          error={issueFor(issues, "symbol")}
        />
        <fieldset class="seg radio">
          <legend>{t("paper.side")}</legend>
          {(["buy", "sell"] as const).map((side) => (
            <label key={side} class="check">
              <input
                type="radio"
                name="tk-side"
                value={side}
                checked={v.side === side}
                onChange={() => set({ side })}
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
          attrs={{ min: 0, step: "any", required: true }}
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
              attrs={{ min: 0, step: "any", required: true }}
            />
          )
          : null}
      </FieldRow>
      <button type="submit" class="primary" disabled={busy}>{t("paper.place")}</button>
    </form>
  );
}

/** Opens an account: name, cash, replay start. */
export function NewAccount(
  { t, defaultStart, busy, issues, onCreate }: {
    t: T;
    defaultStart: string;
    busy: boolean;
    issues: FieldIssue[];
    onCreate: (v: { name: string; cash: number; start: string }) => void;
  },
) {
  const [name, setName] = useState("Paper account");
  const [cash, setCash] = useState("100000");
  const [start, setStart] = useState(defaultStart);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onCreate({ name, cash: Number(cash), start });
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
      </FieldRow>
      <button type="submit" class="primary" disabled={busy}>{t("paper.create")}</button>
    </form>
  );
}
