/**
 * Grounding check of an analyst's reasons: every fact id must exist in the facts pack and every
 * number written in a reason must match a fact (or one of the answer's own levels). Pure.
 *
 * @module
 */
import type { AnalystOutput } from "@trading/shared/schemas";
import type { FactsPack } from "./facts.ts";

/** A reason after the grounding check (the wire shape of `AiReasonSchema`). */
export interface CheckedReason {
  /** The reason as written. */
  text: string;
  /** The facts it named that exist. */
  fact_refs: { id: string; label: string; value: number | string | boolean; date: string }[];
  /** Every number read in the text. */
  cited_values: number[];
  /** Numbers that match no fact nor level (flagged). */
  unverified_values: number[];
  /** Fact ids that are not in the pack (flagged). */
  unknown_fact_ids: string[];
  /** True when it names at least one real fact and every number checks out. */
  verified: boolean;
}

// Parts of a text whose digits are names, not values: ISO dates, parameter lists such as
// "(12, 26, 9)", indicator names such as "MA50"/"RSI14", periods such as "14-day", "52週", "20日".
const LABEL_PATTERNS = [
  /\d{4}-\d{2}-\d{2}/g,
  /\(\s*\d+(?:\s*[,/]\s*\d+)*\s*\)/g,
  /[A-Za-z]+\d+(?:\.\d+)?/g,
  /\d+\s*-?\s*(?:trading[- ])?(?:day|week|month|year|bar|session)s?\b/gi,
  /\d+\s*(?:個交易日|个交易日|交易日|日|天|週|周|個月|个月|月|年|根)/g,
];
const NUMBER = /[-+−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-+−]?\d+(?:\.\d+)?/g;

/** Numbers written in `text`, ignoring dates, parameters and indicator names. */
export function numbersIn(text: string): number[] {
  let t = text;
  for (const re of LABEL_PATTERNS) t = t.replace(re, " ");
  const out: number[] = [];
  for (const m of t.matchAll(NUMBER)) {
    const v = Number(m[0].replaceAll(",", "").replace("−", "-"));
    if (Number.isFinite(v)) out.push(v);
  }
  return out;
}

function decimals(x: number): number {
  const s = String(Math.abs(x));
  const dot = s.indexOf(".");
  return dot < 0 ? 0 : s.length - dot - 1;
}

/**
 * True when `cited` is `value` as a writer would round it: within half a unit of the cited
 * precision, or within 0.1 % of the value. Signs are ignored ("fell 3.2%" cites -3.2).
 */
export function matchesValue(cited: number, value: number): boolean {
  const a = Math.abs(cited), v = Math.abs(value);
  return Math.abs(a - v) <= 0.5 * 10 ** -decimals(a) + 1e-9 || Math.abs(a - v) <= 0.001 * v;
}

/** The numbers a reason may cite: numeric facts plus the answer's own levels and confidence. */
export function allowedNumbers(pack: FactsPack, out: AnalystOutput): number[] {
  // Numeric facts, plus the computed numbers quoted inside fact labels (signal reasons, score
  // factor texts), which the engine wrote from the same data.
  const nums = pack.facts.flatMap((f) => [
    ...(typeof f.value === "number" ? [f.value] : []),
    ...numbersIn(f.label),
  ]);
  nums.push(out.entry, out.target, out.stop, out.horizon_days);
  nums.push(Math.round(out.confidence * 100), out.confidence);
  return nums;
}

/**
 * Checks every reason of `out` against `pack`.
 *
 * @example
 * ```ts
 * import { parseOhlcvCsv } from "../market_data/csv.ts";
 * import { seriesFromBars } from "../market_data/series.ts";
 * import { checkCitations } from "./citations.ts";
 * import { buildFactsPack } from "./facts.ts";
 * import { ruleAnalysis } from "./rule_analyst.ts";
 *
 * // the bundled AAPL daily bars (2013-05-13 … 2018-05-11)
 * const csv = await Deno.readTextFile(new URL("../data/market/extra/AAPL_2013_2018.csv", import.meta.url));
 * const series = seriesFromBars("AAPL", parseOhlcvCsv(csv).bars);
 * const pack = buildFactsPack({ symbol: "AAPL", cols: series });
 * const output = ruleAnalysis(pack, "en"); // or the model's answer
 * const reasons = checkCitations(output, pack);
 * const ok = reasons.every((r) => r.verified);
 * ```
 */
export function checkCitations(out: AnalystOutput, pack: FactsPack): CheckedReason[] {
  const byId = new Map(pack.facts.map((f) => [f.id, f]));
  const allowed = allowedNumbers(pack, out);
  return out.reasons.map((r) => {
    const fact_refs = [];
    const unknown_fact_ids: string[] = [];
    for (const id of r.fact_ids) {
      const f = byId.get(id);
      if (f) fact_refs.push({ id: f.id, label: f.label, value: f.value, date: f.date });
      else unknown_fact_ids.push(id);
    }
    const cited_values = numbersIn(r.text);
    const unverified_values = cited_values.filter((x) => !allowed.some((v) => matchesValue(x, v)));
    return {
      text: r.text,
      fact_refs,
      cited_values,
      unverified_values,
      unknown_fact_ids,
      verified: fact_refs.length > 0 && unverified_values.length === 0 &&
        unknown_fact_ids.length === 0,
    };
  });
}
