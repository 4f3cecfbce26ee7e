/**
 * The e-mails of alerts in English and Traditional Chinese: the confirmation of an address
 * and the message of a firing (subject, plain text, HTML; the chart is referenced by a `cid:`
 * when attached, else the mail says it has none). Built from the stored webhook body of the
 * firing, so the mail and the webhook carry the same facts. Pure.
 *
 * @module
 */

/** Languages of the mail templates. */
export type MailLanguage = "en" | "zh-TW";

/** Content id of the inline chart image. */
export const CHART_CID = "chart@alerts";

/** A rendered mail (without addresses). */
export interface RenderedMail {
  /** Subject line. */
  subject: string;
  /** Plain-text part. */
  text: string;
  /** HTML part. */
  html: string;
}

/** The firing as the stored webhook body describes it (`firingBody` in fire.ts). */
export interface FiringMailData {
  firing_id: string;
  alert: { id: string; name: string; trigger: string };
  condition: Record<string, unknown> & { type: string };
  symbol: string;
  bar: { date: string; source: "bar" | "quote" };
  values: Record<string, unknown>;
}

const T = {
  en: {
    confirmSubject: "Confirm your e-mail address for trading alerts",
    confirmText: (link: string) =>
      `Someone (hopefully you) asked to receive trading alerts at this address.\n\n` +
      `Confirm it by opening this link within 48 hours:\n${link}\n\n` +
      `If you did not ask for this, ignore this message: nothing will be sent.`,
    subject: (name: string, symbol: string) => `[Alert] ${name} — ${symbol}`,
    fired: (name: string, symbol: string, date: string, quote: boolean) =>
      `Your alert "${name}" fired on ${symbol} (${date}, ${quote ? "live quote" : "bar close"}).`,
    condition: "Condition",
    values: "Values",
    open: "Open",
    all: "All alerts",
    chart: "The chart is shown below.",
    noChart: "The chart service could not be reached, so this message has no chart.",
    cond: (c: FiringMailData["condition"]) => {
      switch (c.type) {
        case "price":
          return `price crosses ${c.crosses} ${c.level}`;
        case "pct_move":
          return `${c.direction} move of ${c.pct}% over ${c.bars} bars`;
        case "rule":
          return `rule: ${c.rule}`;
        case "pattern":
          return `pattern: ${c.kind}`;
        default:
          return `signal: ${c.name}`;
      }
    },
  },
  "zh-TW": {
    confirmSubject: "請確認接收交易警示的電子郵件地址",
    confirmText: (link: string) =>
      `有人（希望是您）要求以此地址接收交易警示。\n\n` +
      `請在 48 小時內開啟以下連結確認：\n${link}\n\n` +
      `若不是您提出的要求，請忽略此郵件，我們不會寄出任何警示。`,
    subject: (name: string, symbol: string) => `[警示] ${name} — ${symbol}`,
    fired: (name: string, symbol: string, date: string, quote: boolean) =>
      `您的警示「${name}」已在 ${symbol} 觸發（${date}，${quote ? "即時報價" : "收盤 K 棒"}）。`,
    condition: "條件",
    values: "數值",
    open: "開啟",
    all: "所有警示",
    chart: "圖表如下。",
    noChart: "無法連線到圖表服務，因此本郵件不含圖表。",
    cond: (c: FiringMailData["condition"]) => {
      const dir = (d: unknown) => (d === "up" ? "向上" : d === "down" ? "向下" : "雙向");
      switch (c.type) {
        case "price":
          return `價格${dir(c.crosses)}穿越 ${c.level}`;
        case "pct_move":
          return `${c.bars} 根 K 棒內${dir(c.direction)}變動 ${c.pct}%`;
        case "rule":
          return `規則：${c.rule}`;
        case "pattern":
          return `型態：${c.kind}`;
        default:
          return `訊號：${c.name}`;
      }
    },
  },
} as const;

const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * The confirmation mail of an address, with its link.
 *
 * @example
 * ```ts
 * import { confirmationMail } from "./email_template.ts";
 * confirmationMail("zh-TW", "https://app.example/alerts/confirm?token=abc").subject;
 * // "請確認接收交易警示的電子郵件地址"
 * ```
 */
export function confirmationMail(lang: MailLanguage, link: string): RenderedMail {
  const t = T[lang];
  const text = t.confirmText(link);
  const html = `<p>${esc(text).replaceAll("\n\n", "</p><p>").replaceAll("\n", "<br>")}</p>`
    .replace(esc(link), `<a href="${esc(link)}">${esc(link)}</a>`);
  return { subject: t.confirmSubject, text, html };
}

/**
 * The mail of a firing. `webUrl` is the web app's public address (links); `withChart` says
 * whether the chart image is attached as {@link CHART_CID}.
 *
 * @example
 * ```ts
 * import { alertMail } from "./email_template.ts";
 * const m = alertMail("en", {
 *   firing_id: "frg_1", alert: { id: "alr_1", name: "AAPL 200", trigger: "once" },
 *   condition: { type: "price", crosses: "up", level: 200 }, symbol: "AAPL",
 *   bar: { date: "2024-05-01", source: "bar" }, values: { close: 201 },
 * }, { webUrl: "https://app.example", withChart: false });
 * m.subject; // "[Alert] AAPL 200 — AAPL"
 * ```
 */
export function alertMail(
  lang: MailLanguage,
  d: FiringMailData,
  { webUrl, withChart }: { webUrl: string; withChart: boolean },
): RenderedMail {
  const t = T[lang];
  const symbolLink = `${webUrl}/symbol/${encodeURIComponent(d.symbol)}`;
  const alertsLink = `${webUrl}/alerts`;
  const fired = t.fired(d.alert.name, d.symbol, d.bar.date, d.bar.source === "quote");
  const cond = t.cond(d.condition);
  const values = Object.entries(d.values).map(([k, v]) => [k, String(v)] as const);
  const chartNote = withChart ? t.chart : t.noChart;
  const text = [
    fired,
    "",
    `${t.condition}: ${cond}`,
    `${t.values}:`,
    ...values.map(([k, v]) => `  ${k}: ${v}`),
    "",
    `${t.open} ${d.symbol}: ${symbolLink}`,
    `${t.all}: ${alertsLink}`,
    "",
    chartNote,
  ].join("\n");
  const rows = values.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(v)}</td></tr>`).join("");
  const html = [
    `<p>${esc(fired)}</p>`,
    `<p><b>${esc(t.condition)}:</b> ${esc(cond)}</p>`,
    `<table>${rows}</table>`,
    `<p><a href="${esc(symbolLink)}">${esc(t.open)} ${esc(d.symbol)}</a> · ` +
    `<a href="${esc(alertsLink)}">${esc(t.all)}</a></p>`,
    withChart
      ? `<p>${esc(chartNote)}</p><img src="cid:${CHART_CID}" alt="${esc(d.symbol)}" width="800">`
      : `<p><i>${esc(chartNote)}</i></p>`,
  ].join("\n");
  return { subject: t.subject(d.alert.name, d.symbol), text, html };
}
