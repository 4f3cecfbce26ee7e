/**
 * Turns a strategy's parameter JSON schema (as `GET /api/strategies` sends it) into form fields,
 * and the form's text values back into typed parameters. Pure: no DOM.
 *
 * @module
 */

/** One generated form field. */
export interface ParamField {
  /** Parameter name (the JSON property). */
  name: string;
  /** Input kind. */
  kind: "integer" | "number" | "boolean" | "enum" | "text";
  /** Inclusive bounds, when the schema has them. */
  min?: number;
  max?: number;
  /** Step of a number input (1 for integers, "any" otherwise). */
  step: string;
  /** Default value, when the schema has one. */
  default?: unknown;
  /** The schema's description (shown as help text). */
  description?: string;
  /** Allowed values of an enum. */
  options?: string[];
  /** Whether the schema requires it. */
  required: boolean;
}

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
  description?: string;
  enum?: unknown[];
};

function kindOf(p: JsonSchema): ParamField["kind"] {
  if (Array.isArray(p.enum)) return "enum";
  const type = Array.isArray(p.type) ? p.type.find((x) => x !== "null") : p.type;
  if (type === "integer" || type === "number" || type === "boolean") return type;
  return "text";
}

/**
 * The fields of a parameter schema, in the schema's property order.
 *
 * @example
 * ```ts
 * fieldsOf({ type: "object", properties: { fast: { type: "integer", minimum: 2 } } });
 * // [{ name: "fast", kind: "integer", min: 2, step: "1", required: false }]
 * ```
 */
export function fieldsOf(schema: Record<string, unknown>): ParamField[] {
  const s = schema as JsonSchema;
  const required = new Set(s.required ?? []);
  return Object.entries(s.properties ?? {}).map(([name, p]) => {
    const kind = kindOf(p);
    const f: ParamField = { name, kind, step: kind === "integer" ? "1" : "any", required: false };
    const min = p.minimum ?? p.exclusiveMinimum;
    const max = p.maximum ?? p.exclusiveMaximum;
    if (typeof min === "number") f.min = min;
    if (typeof max === "number") f.max = max;
    if (p.default !== undefined) f.default = p.default;
    if (typeof p.description === "string") f.description = p.description;
    if (kind === "enum") f.options = (p.enum ?? []).map(String);
    f.required = required.has(name) && p.default === undefined;
    return f;
  });
}

/** A field whose value could not be read. */
export interface FieldProblem {
  /** Parameter name. */
  name: string;
  /** Why: not a number, not a whole number, below min, above max, missing. */
  reason: "nan" | "integer" | "min" | "max" | "missing";
}

/**
 * Reads the form's values (strings from inputs, booleans from checkboxes) into parameters.
 * Empty inputs are left out, so the strategy's defaults apply.
 */
export function readParams(
  fields: readonly ParamField[],
  values: Record<string, string | boolean | undefined>,
): { params: Record<string, unknown>; problems: FieldProblem[] } {
  const params: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === "boolean") {
      if (typeof v === "boolean") params[f.name] = v;
      continue;
    }
    const text = typeof v === "string" ? v.trim() : "";
    if (text === "") {
      if (f.required) problems.push({ name: f.name, reason: "missing" });
      continue;
    }
    if (f.kind === "enum" || f.kind === "text") {
      params[f.name] = text;
      continue;
    }
    const n = Number(text);
    if (!Number.isFinite(n)) problems.push({ name: f.name, reason: "nan" });
    else if (f.kind === "integer" && !Number.isInteger(n)) {
      problems.push({ name: f.name, reason: "integer" });
    } else if (f.min !== undefined && n < f.min) problems.push({ name: f.name, reason: "min" });
    else if (f.max !== undefined && n > f.max) problems.push({ name: f.name, reason: "max" });
    else params[f.name] = n;
  }
  return { params, problems };
}

/**
 * Parses a comma-separated list of grid values (`"5, 10, 20"`); null when one is not a number.
 */
export function parseGridValues(text: string): number[] | null {
  const parts = text.split(/[,\s]+/).filter(Boolean);
  if (parts.length === 0) return null;
  const out = parts.map(Number);
  return out.every(Number.isFinite) ? out : null;
}
