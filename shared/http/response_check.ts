/**
 * The declared response schemas, enforced: a check run after a route's handler (switched on by
 * the test apps, off in production) that parses a 2xx JSON answer against the route's
 * `response` schema and turns a mismatch into a 500 naming the route and the zod issues, so any
 * HTTP test that reaches the route fails. Keys the schema does not declare count as a mismatch
 * too (zod would strip them silently).
 *
 * @module
 */
import type { z } from "zod";

/** One way an answer departs from its schema. */
export interface ResponseIssue {
  /** Dotted path in the body (`""` for the body itself). */
  path: string;
  /** What is wrong. */
  message: string;
}

/** Deps flag of a route group: check every JSON answer against its declared schema. */
export interface ResponseCheckFlag {
  /** On in the test apps; off (absent) in production, which pays nothing for it. */
  checkResponses?: boolean;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Keys of `sent` that parsing dropped (undeclared in the schema), with their paths. */
function undeclaredKeys(sent: unknown, parsed: unknown, path: string[], out: ResponseIssue[]) {
  if (Array.isArray(sent) && Array.isArray(parsed) && sent.length === parsed.length) {
    sent.forEach((x, i) => undeclaredKeys(x, parsed[i], [...path, String(i)], out));
  } else if (isPlainObject(sent) && isPlainObject(parsed)) {
    for (const [k, v] of Object.entries(sent)) {
      if (!(k in parsed)) {
        out.push({ path: [...path, k].join("."), message: "key not declared in the schema" });
      } else undeclaredKeys(v, parsed[k], [...path, k], out);
    }
  }
}

/**
 * The ways `body` departs from `schema`: zod's issues, or else the keys it does not declare.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { responseIssues } from "./response_check.ts";
 * responseIssues(z.object({ a: z.number() }), { a: 1, bB: 2 });
 * // [{ path: "bB", message: "key not declared in the schema" }]
 * ```
 */
export function responseIssues(schema: z.ZodType, body: unknown): ResponseIssue[] {
  const r = schema.safeParse(body);
  if (!r.success) {
    return r.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
  }
  const out: ResponseIssue[] = [];
  undeclaredKeys(body, r.data, [], out);
  return out;
}

/**
 * Checks `res`, the answer of `route`: a 2xx JSON body must match `schema` (a route without
 * one must not answer JSON); otherwise the answer becomes a 500 whose `details` name the route
 * and the issues. Any other answer passes unchanged.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * import { checkResponse } from "./response_check.ts";
 * const res = await checkResponse("GET /x", z.object({ a: z.number() }), Response.json({ a: "1" }));
 * res.status; // 500
 * ```
 */
export async function checkResponse(
  route: string,
  schema: z.ZodType | undefined,
  res: Response,
): Promise<Response> {
  if (res.status < 200 || res.status > 299) return res;
  if (!(res.headers.get("content-type") ?? "").includes("application/json")) return res;
  const body = await res.clone().json();
  const issues = schema
    ? responseIssues(schema, body)
    : [{ path: "", message: "the route declares no JSON response" }];
  if (issues.length === 0) return res;
  const first = issues[0]!;
  return Response.json({
    error: {
      code: "response_invalid",
      message: `${route} answered ${res.status} with a body its declared schema refuses: ` +
        `${first.path || "(body)"}: ${first.message}`,
      details: { route, issues },
    },
  }, { status: 500 });
}
