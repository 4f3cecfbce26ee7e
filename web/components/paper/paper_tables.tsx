/**
 * Paper-trading read-outs: the account summary, positions with their P&L at the clock, open
 * orders (with cancel) and the order history.
 *
 * @module
 */
import { TableRegion } from "../TableRegion.tsx";
import { fmtDate, fmtMoney, fmtNum, fmtPrice, trendClass } from "../format.ts";
import type { Lang, MessageKey, T } from "../../i18n/mod.ts";
import type { PaperAccount, PaperOrder } from "../../lib/api_types.ts";

/** Account summary. */
export function Summary({ t, lang, a }: { t: T; lang: Lang; a: PaperAccount }) {
  const item = (key: MessageKey, v: number, signed = false, field = "") => (
    <div>
      <dt>{t(key)}</dt>
      <dd class={signed ? trendClass(v) : ""} data-field={field || undefined}>
        {fmtMoney(lang, v)}
      </dd>
    </div>
  );
  return (
    <dl class="facts" data-testid="paper-summary">
      <div>
        <dt>{t("paper.clock")}</dt>
        <dd data-field="clock" data-value={a.clock}>{fmtDate(lang, a.clock)}</dd>
      </div>
      {item("paper.equity", a.equity, false, "equity")}
      {item("paper.cashNow", a.cash, false, "cash")}
      {item("paper.realised", a.realised, true)}
      {item("paper.unrealised", a.unrealised, true)}
      {item("paper.fees", a.fees)}
    </dl>
  );
}

/** Open positions valued at the clock. */
export function Positions({ t, lang, a }: { t: T; lang: Lang; a: PaperAccount }) {
  if (a.positions.length === 0) return <p class="muted">{t("paper.positions.none")}</p>;
  return (
    <TableRegion label={t("paper.positions")}>
      <table class="data" data-testid="positions">
        <thead>
          <tr>
            <th scope="col">{t("paper.col.symbol")}</th>
            <th scope="col" class="num">{t("paper.col.qty")}</th>
            <th scope="col" class="num">{t("paper.col.avg")}</th>
            <th scope="col" class="num">{t("paper.col.last")}</th>
            <th scope="col" class="num hide-sm">{t("paper.col.value")}</th>
            <th scope="col" class="num">{t("paper.col.pnl")}</th>
          </tr>
        </thead>
        <tbody>
          {a.positions.map((p) => (
            <tr key={p.symbol} data-symbol={p.symbol}>
              <th scope="row">
                <a href={`/symbol/${encodeURIComponent(p.symbol)}`}>{p.symbol}</a>
              </th>
              <td class="num" data-value={p.qty}>
                {fmtNum(lang, p.qty, 4)}
                {p.qty < 0 ? <span class="badge short">{t("paper.shortBadge")}</span> : null}
              </td>
              <td class="num">{fmtPrice(lang, p.avg_cost)}</td>
              <td class="num">{fmtPrice(lang, p.last)}</td>
              <td class="num hide-sm">{fmtMoney(lang, p.market_value)}</td>
              <td class={`num ${trendClass(p.unrealised)}`}>{fmtMoney(lang, p.unrealised)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}

const sideLabel = (t: T, side: string) => t(side === "buy" ? "paper.buy" : "paper.sell");

/** Orders: open ones with a cancel button, or the history with fills and reasons. */
export function Orders(
  { t, lang, orders, open, onCancel }: {
    t: T;
    lang: Lang;
    orders: PaperOrder[];
    open: boolean;
    onCancel?: (o: PaperOrder) => void;
  },
) {
  if (orders.length === 0) {
    return <p class="muted">{t(open ? "paper.open.none" : "paper.history.none")}</p>;
  }
  return (
    <TableRegion label={t(open ? "paper.open" : "paper.history")}>
      <table class="data" data-testid={open ? "open-orders" : "order-history"}>
        <thead>
          <tr>
            <th scope="col">{t("paper.col.symbol")}</th>
            <th scope="col">{t("paper.col.side")}</th>
            <th scope="col">{t("paper.col.type")}</th>
            <th scope="col" class="num">{t("paper.col.qty")}</th>
            <th scope="col" class="num">{t("paper.col.price")}</th>
            <th scope="col">{t("paper.col.placed")}</th>
            <th scope="col">{open ? "" : t("paper.col.status")}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((o) => (
            <tr key={o.id} data-status={o.status}>
              <th scope="row">{o.symbol}</th>
              <td class={o.side === "buy" ? "up" : "down"}>{sideLabel(t, o.side)}</td>
              <td>{t(`paper.type.${o.type}`)}</td>
              <td class="num">{fmtNum(lang, o.qty, 4)}</td>
              <td class="num">
                {o.fill_price !== null ? fmtPrice(lang, o.fill_price) : fmtPrice(lang, o.price)}
              </td>
              <td>{fmtDate(lang, o.placed_clock)}</td>
              <td>
                {open
                  ? (
                    <button
                      type="button"
                      class="link"
                      onClick={() => onCancel?.(o)}
                      aria-label={t("paper.cancel", { symbol: o.symbol, qty: o.qty })}
                    >
                      ✕
                    </button>
                  )
                  : (
                    <>
                      {t(`paper.status.${o.status}`)}
                      {o.filled_date ? ` ${fmtDate(lang, o.filled_date)}` : ""}
                      {o.reason ? <span class="muted small block">{o.reason}</span> : null}
                    </>
                  )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
