import { z } from "zod";
import { API_SCOPES } from "../scopes.ts";

/** One invalid field (422 `validation_error`, 409 `conflict` of a reused client order id). */
export const FieldIssueSchema = z.object({
  field: z.string().meta({ description: "dotted path, prefixed by where it came from" }),
  message: z.string(),
}).meta({ id: "FieldIssue" });

/** Where in a rule the problem is (1-based; the end is the character after the range). */
export const RuleSpanSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  end_line: z.number().int(),
  end_column: z.number().int(),
}).meta({ id: "RuleSpan" });

/** Every form `error.details` takes. */
export const ErrorDetailsSchema = z.union([
  z.array(FieldIssueSchema).describe("validation_error, conflict: the fields at fault"),
  z.object({
    span: RuleSpanSchema,
    field: z.string().optional().describe("which rule of several (entry, exit, columns.1…)"),
  }).describe("rule_invalid: the text at fault"),
  z.object({
    required_scope: z.enum(API_SCOPES),
    token_scopes: z.array(z.enum(API_SCOPES)),
  }).describe("forbidden: the scope an API token lacks"),
  z.object({ symbol: z.string() }).describe("not_found: the unknown symbol"),
  z.object({ session_id: z.string() }).describe("not_found: the unknown chat session"),
  z.object({
    route: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }).describe("response_invalid (test apps only): an answer its declared schema refuses"),
]).meta({ id: "ErrorDetails" });

/** The error body every service returns: `{"error":{"code","message","details"?}}`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: ErrorDetailsSchema.optional(),
    request_id: z.string().optional(),
  }),
}).meta({ id: "ErrorBody" });

/** The error body every service returns. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
