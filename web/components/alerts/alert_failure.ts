/**
 * What the alerts page says when core refuses a request: each refused field gets one message in
 * the user's language (core's own text is English and names wire fields), the plan's limit is
 * told with its numbers. Rule problems keep core's message and span: they point into the rule.
 *
 * @module
 */
import type { MessageKey, T } from "../../i18n/mod.ts";
import type { ApiResult, IssueSpan } from "../../lib/api_error.ts";
import { errorKey, ruleIssueFor } from "../../lib/api_error.ts";
import { formFieldOf } from "./alert_draft.ts";

/** A refused request, in user terms. */
export interface AlertFailure {
  /** One message per form field. */
  fields: Record<string, string>;
  /** Core's diagnostic of the rule (message and span), when it refused the rule. */
  rule: { message: string; span?: IssueSpan } | null;
  /** A message for the whole form (null when the field messages say it all). */
  general: string | null;
  /** HTTP status (0: no answer). */
  status: number;
}

const FIELD_KEYS: Record<string, MessageKey> = {
  symbol: "alerts.err.unknownSymbol",
  list: "alerts.err.unknownSymbol",
  screen: "alerts.err.screen",
  level: "alerts.err.level",
  pct: "alerts.err.pct",
  bars: "alerts.err.bars",
  expires: "alerts.err.expires",
  endpoints: "alerts.err.endpoint",
  url: "alerts.ep.err.url",
  address: "alerts.ep.err.email",
};

/** The plan's active-alert numbers, to explain the limit. */
export interface AlertLimit {
  active: number;
  limit: number;
}

/**
 * Describes a failed alerts or endpoints request for the form that sent it.
 *
 * @example
 * ```ts
 * import "../../i18n/dictionaries.ts";
 * import { translator } from "../../i18n/mod.ts";
 * import { describeFailure } from "./alert_failure.ts";
 *
 * const f = describeFailure(translator("en"), {
 *   ok: false, status: 429, message: "Cannot activate…", details: [],
 * }, { active: 20, limit: 20 });
 * f.general; // "You have 20 active alerts, the most your plan allows (20). …"
 * ```
 */
export function describeFailure(
  t: T,
  r: Extract<ApiResult<unknown>, { ok: false }>,
  limit: AlertLimit | null,
  what: "alert" | "endpoint" = "alert",
): AlertFailure {
  const fields: Record<string, string> = {};
  let rule: AlertFailure["rule"] = null;
  for (const d of r.details) {
    const f = formFieldOf(d.field);
    if (f === "rule") rule ??= ruleIssueFor([d], d.field);
    else if (!fields[f]) fields[f] = t(FIELD_KEYS[f] ?? "error.invalid");
  }
  let general: string | null = null;
  if (r.status === 429) {
    general = what === "endpoint"
      ? t("alerts.ep.err.limit")
      : limit
      ? t("alerts.err.limit", { active: limit.active, limit: limit.limit })
      : t("alerts.err.limitPlain");
  } else if (r.status === 404) general = t("alerts.err.gone");
  else if (!(r.status === 422 && (rule || Object.keys(fields).length))) {
    general = t(errorKey(r.status));
  }
  return { fields, rule, general, status: r.status };
}
