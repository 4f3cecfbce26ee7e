/**
 * Turns an API answer into a translation key for the user, so every island shows the same
 * friendly states (signed out, quota used up, feature not there yet, core down).
 *
 * @module
 */
import type { FieldIssue } from "@trading/shared/errors";
import { isLang, type MessageKey, translator } from "../i18n/mod.ts";
import { fieldMessage } from "./field_message.ts";

/** The translator of the page's language (the `lang` of `<html>`; English elsewhere). */
function pageTranslator() {
  const lang = globalThis.document?.documentElement.lang;
  return translator(isLang(lang) ? lang : "en");
}

/** The message key for a failed response status (0 = the request did not complete). */
export function errorKey(status: number): MessageKey {
  if (status === 401) return "error.signin";
  if (status === 403) return "error.forbidden";
  if (status === 404) return "error.unavailable";
  if (status === 422 || status === 400) return "error.invalid";
  if (status === 429) return "error.quota";
  if (status === 502 || status === 503 || status === 504 || status === 0) return "error.core.body";
  return "error.generic";
}

const CODE_STATUS: Record<string, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_error: 422,
  quota_exceeded: 429,
  rate_limited: 429,
  unavailable: 503,
  upstream_error: 502,
  upstream_timeout: 504,
};

/** The HTTP status matching an error `code` sent inside a stream (default 500). */
export function statusOfCode(code: string | undefined): number {
  return (code && CODE_STATUS[code]) || 500;
}

/** The server's error message of a JSON error body, when there is one. */
export async function errorMessage(res: Response): Promise<string | null> {
  try {
    const body = await res.json() as { error?: { message?: string } };
    return body.error?.message ?? null;
  } catch {
    return null;
  }
}

/** A field the server refused (`details` of a 422): the shared error contract's type. */
export type { FieldIssue };

/** Where in a rule the server found a problem (a 422 `rule_invalid`'s `details.span`). */
export interface IssueSpan {
  line: number;
  column: number;
  end_line: number;
  end_column: number;
}

/** The server's message and span for a rule `field`, if it refused that rule. */
export function ruleIssueFor(
  issues: FieldIssue[],
  field: string,
): { message: string; span?: IssueSpan } | null {
  const i = issues.find((x) => x.field === field) as
    | (FieldIssue & { span?: IssueSpan })
    | undefined;
  return i ? { message: i.message, ...(i.span ? { span: i.span } : {}) } : null;
}

/** The server's message for `field`, if it refused that field. */
export function issueFor(issues: FieldIssue[], field: string): string | null {
  return issues.find((i) => i.field === field)?.message ?? null;
}

/** The answer of {@link api}. */
export type ApiResult<T> = { ok: true; data: T } | {
  ok: false;
  status: number;
  message: string | null;
  details: FieldIssue[];
};

/** JSON request to the same-origin API; never throws (status 0 when the network failed). */
export async function api<T>(method: string, path: string, body?: unknown): Promise<ApiResult<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined
        ? { accept: "application/json" }
        : { accept: "application/json", "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, message: null, details: [] };
  }
  if (!res.ok) {
    let message: string | null = null;
    let details: FieldIssue[] = [];
    try {
      const b = await res.json() as { error?: { message?: string; details?: unknown } };
      message = b.error?.message ?? null;
      const d = b.error?.details as { field?: unknown; span?: unknown } | undefined;
      if (Array.isArray(d)) {
        // one short sentence per field, in the page's language (zod's English never reaches it)
        const t = pageTranslator();
        details = d.filter((d): d is FieldIssue =>
          typeof d?.field === "string" && typeof d?.message === "string"
        ).map((d) => ({ ...d, message: fieldMessage(t, d.message) }));
      } else if (typeof d?.field === "string" && typeof d.span === "object" && d.span) {
        // a rule the server could not read (rule_invalid): its field, message and span
        details = [{ field: d.field, message: message ?? "", span: d.span } as FieldIssue];
      }
    } catch { /* not JSON */ }
    return { ok: false, status: res.status, message, details };
  }
  try {
    return { ok: true, data: (res.status === 204 ? null : await res.json()) as T };
  } catch {
    return { ok: false, status: res.status, message: null, details: [] };
  }
}
