/**
 * OpenAPI 3.1 documents built from the same zod schemas that validate each route. Schemas with
 * a zod `.meta({ id })` become `components.schemas` entries referenced by `$ref`; every
 * operation has an `operationId`, a `security` requirement (`[]` for public routes) and its
 * error responses. The result passes `swagger-parser validate` and `redocly lint` (recommended
 * rules) with no errors (tested in `openapi_test.ts`).
 *
 * @module
 */
import { z } from "zod";
import { ErrorBodySchema } from "../schemas/error.ts";

/** Who may call a route, as the document states it. */
export type DocAccess = "public" | "user" | "admin";

/** Documentation of one route, from the same zod schemas that validate it. */
export interface RouteDoc {
  /** HTTP method, lower case. */
  method: "get" | "post" | "put" | "patch" | "delete";
  /** OpenAPI path, e.g. `/api/symbols/{symbol}/candles`. */
  path: string;
  /** One-line summary. */
  summary: string;
  /** Group shown in the docs page. */
  tag: string;
  /** Path parameters (an object schema). */
  params?: z.ZodObject;
  /** Query parameters (an object schema). */
  query?: z.ZodType;
  /** JSON request body. */
  body?: z.ZodType;
  /** JSON response of the success case (with `produces`: the data sent in that media type). */
  response?: z.ZodType;
  /**
   * Status of the success case (default 200): 204 answers no body, 302 redirects (see
   * `redirect`); a route with no success case gives its one answer (e.g. 405 with `ErrorBody`).
   */
  status?: 200 | 201 | 202 | 204 | 302 | 405;
  /** Where a 302 sends the caller (the `Location` header), in words. */
  redirect?: string;
  /** Response media type when not JSON (e.g. `image/png`). */
  produces?: string;
  /** Error statuses the route can answer with. */
  errors?: number[];
  /** An example request body. */
  example?: unknown;
  /** An example response body of the success case. */
  responseExample?: unknown;
  /** Example values of the path parameters, by name. */
  paramsExample?: Record<string, string>;
  /** Example values of the query parameters, by name. */
  queryExample?: Record<string, string>;
}

type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  403: "Forbidden: cross-site request, missing role or token scope",
  404: "Not found",
  405: "Method not allowed",
  409: "Conflict",
  413: "Request body too large",
  422: "Invalid input: details name each field",
  429: "Too many requests or quota used up",
  502: "An upstream service failed",
  503: "A dependency is unavailable",
  504: "An upstream service timed out",
};

/** Collects shared schemas under `components.schemas`, keeping input and output forms apart. */
class Components {
  readonly schemas: Record<string, Json> = {};

  constructor() {
    // the error body every operation may answer, `#/components/schemas/ErrorBody`
    this.convert(ErrorBodySchema, "output"); // its id places it under that name
  }

  /** The JSON Schema of `schema` with its `$defs` hoisted into the components. */
  convert(schema: z.ZodType, io: "input" | "output"): Json {
    const s = z.toJSONSchema(schema, {
      io,
      unrepresentable: "any",
      target: "draft-2020-12",
    }) as Json;
    delete s.$schema;
    const defs = (s.$defs ?? {}) as Record<string, Json>;
    delete s.$defs;
    const renames = new Map<string, string>();
    for (const [name, def] of Object.entries(defs)) {
      renames.set(name, this.#place(name, def, io));
    }
    const rewrite = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(rewrite);
      if (v && typeof v === "object") {
        const out: Json = {};
        for (const [k, x] of Object.entries(v)) {
          out[k] = k === "$ref" && typeof x === "string" && x.startsWith("#/$defs/")
            ? `#/components/schemas/${renames.get(x.slice(8)) ?? x.slice(8)}`
            : rewrite(x);
        }
        return out;
      }
      return v;
    };
    for (const name of renames.values()) this.schemas[name] = rewrite(this.schemas[name]) as Json;
    return rewrite(s) as Json;
  }

  #place(name: string, def: Json, io: "input" | "output"): string {
    const safe = name.replace(/[^A-Za-z0-9._-]/g, "_");
    const candidates = io === "input" ? [safe, `${safe}Input`] : [safe, `${safe}Output`];
    for (const c of candidates) {
      const existing = this.schemas[c];
      if (!existing || JSON.stringify(existing) === JSON.stringify(def)) {
        this.schemas[c] = def;
        return c;
      }
    }
    let i = 2;
    while (this.schemas[`${safe}${i}`]) i++;
    this.schemas[`${safe}${i}`] = def;
    return `${safe}${i}`;
  }
}

function parameters(
  components: Components,
  schema: z.ZodType | undefined,
  where: string,
  examples: Record<string, string> = {},
) {
  if (!schema) return [];
  const js = components.convert(schema, "input") as {
    properties?: Record<string, Json>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
    ...(examples[name] === undefined ? {} : { example: examples[name] }),
  }));
}

/** The response object of a route's success case (or its one answer). */
function success(components: Components, r: RouteDoc): Json {
  const status = r.status ?? 200;
  if (status === 204) return { description: "No content" };
  if (status === 302) {
    return {
      description: r.redirect ? `Redirect: ${r.redirect}` : "Redirect",
      headers: { Location: { description: "Where to go", schema: { type: "string" } } },
    };
  }
  const schema = r.response ? { schema: components.convert(r.response, "output") } : {};
  const example = r.responseExample === undefined ? {} : { example: r.responseExample };
  // with `produces`, `response` is the schema of what is sent in it (e.g. each SSE event's data)
  const content = { [r.produces ?? "application/json"]: { ...schema, ...example } };
  return { description: status >= 400 ? ERROR_TEXT[status] ?? "Error" : "OK", content };
}

/** `get /api/symbols/{symbol}/candles` → `getApiSymbolsSymbolCandles`. */
function operationId(method: string, path: string): string {
  const words = path.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("");
}

/** Options of {@link buildOpenApi}. */
export interface OpenApiOptions {
  /** Servers (default: the origin that serves the document, `/`). */
  servers?: { url: string; description?: string }[];
  /** Access of each route (default: every route public). */
  accessOf?: (method: string, path: string) => DocAccess | undefined;
  /** Whether signed-in callers may use the session cookie (core) as well as a bearer token. */
  cookieAuth?: boolean;
}

/**
 * Builds an OpenAPI 3.1 document from route docs.
 *
 * @example
 * ```ts
 * import { z } from "zod";
 * const doc = buildOpenApi({ title: "Core API", version: "0.1.0" }, [
 *   { method: "get", path: "/health", summary: "Health", tag: "service", response: z.object({}) },
 * ]);
 * ```
 */
export function buildOpenApi(
  info: { title: string; version: string; description?: string },
  routes: readonly RouteDoc[],
  { servers = [{ url: "/" }], accessOf = () => "public", cookieAuth = false }: OpenApiOptions = {},
): Json {
  const components = new Components();
  const paths: Record<string, Record<string, unknown>> = {};
  const protectedSecurity = cookieAuth ? [{ bearer: [] }, { cookie: [] }] : [{ bearer: [] }];
  for (const r of routes) {
    const honoPath = r.path.replace(/\{(\w+)\}/g, ":$1");
    const access = accessOf(r.method.toUpperCase(), honoPath) ?? "public";
    const responses: Json = { [r.status ?? 200]: success(components, r) };
    const errors = new Set(r.errors ?? []);
    if (access !== "public") errors.add(401);
    if (access === "admin") errors.add(403);
    errors.delete(r.status ?? 200);
    for (const status of [...errors].sort()) {
      responses[status] = {
        description: ERROR_TEXT[status] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
      };
    }
    const body = r.body ? components.convert(r.body, "input") : undefined;
    (paths[r.path] ??= {})[r.method] = {
      operationId: operationId(r.method, r.path),
      summary: r.summary,
      tags: [r.tag],
      security: access === "public" ? [] : protectedSecurity,
      parameters: [
        ...parameters(components, r.params, "path", r.paramsExample),
        ...parameters(components, r.query, "query", r.queryExample),
      ],
      ...(body
        ? {
          requestBody: {
            required: true,
            content: {
              "application/json": {
                schema: body,
                ...(r.example === undefined ? {} : { example: r.example }),
              },
            },
          },
        }
        : {}),
      responses,
    };
  }
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    info,
    servers,
    tags,
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        bearer: { type: "http", scheme: "bearer", description: "API token `tsk_…`" },
        ...(cookieAuth
          ? {
            cookie: {
              type: "apiKey",
              in: "cookie",
              name: "session",
              description: "Browser session (`__Host-session` in production)",
            },
          }
          : {}),
      },
    },
  };
}
