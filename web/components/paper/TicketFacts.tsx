/**
 * The facts an order ticket shows before placing: the position held, the last price at the
 * account's clock, the estimated cost or proceeds with commission, and the buying power.
 *
 * @module
 */
import { fmtDate, fmtMoney, fmtNum, fmtPrice } from "../format.ts";
import type { Lang, T } from "../../i18n/mod.ts";
import { type OrderEstimate, positionSide } from "./order_estimate.ts";

/** The last price at the clock (null: none stored on or before it). */
export interface ClockPrice {
  /** Close. */
  price: number;
  /** Its bar's date. */
  date: string;
}

/** Props of {@link TicketFacts}. */
export interface TicketFactsProps {
  /** Translate. */
  t: T;
  /** UI language. */
  lang: Lang;
  /** Order side. */
  side: "buy" | "sell";
  /** Signed quantity held. */
  held: number;
  /** Last price at the clock; undefined while loading. */
  last: ClockPrice | null | undefined;
  /** The order's estimate. */
  estimate: OrderEstimate;
  /** Commission in basis points. */
  feeBps: number;
  /** Cash. */
  cash: number;
}

/** The read-out above the place button. */
export function TicketFacts(p: TicketFactsProps) {
  const { t, lang } = p;
  const pos = positionSide(p.held);
  const posText = pos.side === "flat"
    ? t("paper.position.flat")
    : t(pos.side === "long" ? "paper.position.long" : "paper.position.short", {
      qty: fmtNum(lang, pos.qty, 4),
    });
  return (
    <dl class="facts ticket-facts" data-testid="ticket-facts">
      <div>
        <dt>{t("paper.position")}</dt>
        <dd data-field="position" data-value={p.held} class={pos.side === "short" ? "down" : ""}>
          {posText}
        </dd>
      </div>
      <div>
        <dt>{t("paper.lastAt")}</dt>
        <dd data-field="last" data-value={p.last?.price ?? ""}>
          {p.last === undefined
            ? "…"
            : p.last === null
            ? t("paper.lastAt.none")
            : t("paper.lastAt.value", {
              price: fmtPrice(lang, p.last.price),
              date: fmtDate(lang, p.last.date),
            })}
        </dd>
      </div>
      <div>
        <dt>{t(p.side === "buy" ? "paper.estimate.buy" : "paper.estimate.sell")}</dt>
        <dd data-field="estimate" data-value={Math.abs(p.estimate.cashChange)}>
          {fmtMoney(lang, Math.abs(p.estimate.cashChange))}
        </dd>
      </div>
      <div>
        <dt>{t("paper.commission", { bps: fmtNum(lang, p.feeBps, 2) })}</dt>
        <dd data-field="fee" data-value={p.estimate.fee}>{fmtMoney(lang, p.estimate.fee)}</dd>
      </div>
      <div>
        <dt>{t("paper.buyingPower")}</dt>
        <dd data-field="buying-power" data-value={p.cash}>{fmtMoney(lang, p.cash)}</dd>
      </div>
    </dl>
  );
}
