import type { z } from "zod";
import { ValidationError } from "../errors.ts";

/**
 * Parses `data` with `schema`; on failure throws a {@link ValidationError} (HTTP 422) whose
 * details name every invalid field, prefixed by where it came from (`query`, `body`, `path`).
 */
export function validate<S extends z.ZodType>(schema: S, data: unknown, where: string): z.infer<S> {
  const r = schema.safeParse(data);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({
    field: i.path.length ? i.path.join(".") : where,
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  throw new ValidationError(`Invalid ${where}: ${summary}`, issues);
}

/** Reads a JSON body, turning malformed JSON into a 422 instead of a 500. */
export async function readJson(req: { json: () => Promise<unknown> }): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw new ValidationError("Invalid body: expected a JSON document", [
      { field: "body", message: "malformed JSON" },
    ]);
  }
}
