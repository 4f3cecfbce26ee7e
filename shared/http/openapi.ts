import { z } from "zod";

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
  /** JSON response of the success case. */
  response?: z.ZodType;
  /** Response media type when not JSON (e.g. `image/png`). */
  produces?: string;
  /** Error statuses the route can answer with. */
  errors?: number[];
}

function jsonSchema(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const s = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "openapi-3.0" }) as Record<
    string,
    unknown
  >;
  delete s.$schema;
  return s;
}

function parameters(schema: z.ZodType | undefined, where: "path" | "query") {
  if (!schema) return [];
  const js = jsonSchema(schema, "input") as {
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
  };
  return Object.entries(js.properties ?? {}).map(([name, s]) => ({
    name,
    in: where,
    required: where === "path" || (js.required ?? []).includes(name),
    ...(typeof s.description === "string" ? { description: s.description } : {}),
    schema: s,
  }));
}

const ERROR_TEXT: Record<number, string> = {
  400: "Bad request",
  401: "Not signed in",
  404: "Not found",
  422: "Invalid input: details name each field",
  429: "Too many requests or quota used up",
  502: "An upstream service failed",
  503: "A dependency is unavailable",
  504: "An upstream service timed out",
};

/**
 * Builds an OpenAPI 3.0 document from route docs.
 *
 * @example
 * ```ts
 * const doc = buildOpenApi({ title: "Core API", version: "0.1.0" }, routes);
 * ```
 */
export function buildOpenApi(
  info: { title: string; version: string; description?: string },
  routes: readonly RouteDoc[],
): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const responses: Record<string, unknown> = {
      200: {
        description: "OK",
        content: r.produces
          ? { [r.produces]: {} }
          : { "application/json": r.response ? { schema: jsonSchema(r.response, "output") } : {} },
      },
    };
    for (const status of r.errors ?? []) {
      responses[status] = {
        description: ERROR_TEXT[status] ?? "Error",
        content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorBody" } } },
      };
    }
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary,
      tags: [r.tag],
      parameters: [...parameters(r.params, "path"), ...parameters(r.query, "query")],
      ...(r.body
        ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: jsonSchema(r.body, "input") } },
          },
        }
        : {}),
      responses,
    };
  }
  return {
    openapi: "3.0.3",
    info,
    paths,
    components: {
      schemas: {
        ErrorBody: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                details: {},
                request_id: { type: "string" },
              },
            },
          },
        },
      },
      securitySchemes: { bearer: { type: "http", scheme: "bearer" } },
    },
  };
}
