/**
 * One declaration per route: method, path, access, token scope, the zod schemas that document
 * it and the handler. A group of declarations registers the handlers (behind an access guard
 * the service supplies), yields the OpenAPI operations (`RouteDoc`s) and the access tables, so a
 * route cannot be served without being documented and classified.
 *
 * @module
 */
import { type Context, Hono, type MiddlewareHandler } from "hono";
import type { ApiScope } from "../scopes.ts";
import type { DocAccess, RouteDoc } from "./openapi.ts";
import { checkResponse, type ResponseCheckFlag } from "./response_check.ts";

/** One route: its documentation, who may call it, and its handler. */
export interface RouteSpec<Ctx> extends RouteDoc {
  /** Who may call it: anonymous callers, signed-in users, or admins. */
  access: DocAccess;
  /** The API token scope it needs (`null`: any token); services without tokens omit it. */
  scope?: ApiScope | null;
  /** A GET that changes state (spends quota): guarded against cross-site requests like writes. */
  spends?: boolean;
  /**
   * Hono's pattern when the OpenAPI path cannot say it (default `honoPath(path)`), e.g.
   * `/charts/:file{[^/]+\\.svg}` for `/charts/{symbol}.svg`.
   */
  pattern?: string;
  /** Middleware run after the access check, before the handler (e.g. a rate limit). */
  use?: readonly MiddlewareHandler[];
  /** Answers the request; `ctx` is the group's state built once from the service's deps. */
  handler(c: Context, ctx: Ctx): Response | Promise<Response>;
}

/** Routes declared together, sharing state built from the service's dependencies. */
export interface RouteGroup<D> {
  /** The declarations, in registration order. */
  readonly specs: readonly RouteSpec<never>[];
  /**
   * Registers every route on `app`; `guard(spec)` may add a middleware before the handler.
   * With `deps.checkResponses` (test apps), each 2xx JSON answer is checked against the route's
   * declared `response` schema and a mismatch answers 500 (see `response_check.ts`).
   */
  mount(
    // deno-lint-ignore no-explicit-any
    app: Hono<any, any, any>,
    deps: D,
    guard?: (spec: RouteSpec<never>) => MiddlewareHandler | null,
  ): void;
  /** A new Hono app serving only this group (tests, sub-apps). */
  app(deps: D, guard?: (spec: RouteSpec<never>) => MiddlewareHandler | null): Hono;
}

/** `/api/symbols/{symbol}/candles` → `/api/symbols/:symbol/candles` (Hono's pattern). */
export function honoPath(path: string): string {
  return path.replace(/\{(\w+)\}/g, ":$1");
}

/** The key of a route in the access tables: `"GET /api/symbols/:symbol/candles"`. */
export function routeKeyOf(spec: Pick<RouteDoc, "method" | "path">): string {
  return `${spec.method.toUpperCase()} ${honoPath(spec.path)}`;
}

/**
 * Declares a group of routes whose handlers share `setup(deps)`.
 *
 * @example
 * ```ts
 * import { Hono } from "hono";
 * import { z } from "zod";
 * const group = routeGroup((deps: { name: string }) => deps, [{
 *   method: "get",
 *   path: "/hello",
 *   summary: "Greets",
 *   tag: "demo",
 *   access: "public",
 *   response: z.object({ hello: z.string() }),
 *   handler: (c, ctx) => c.json({ hello: ctx.name }),
 * }]);
 * const app = new Hono();
 * group.mount(app, { name: "world" });
 * ```
 */
export function routeGroup<D, Ctx>(
  setup: (deps: D) => Ctx,
  specs: RouteSpec<Ctx>[],
): RouteGroup<D> {
  return {
    specs: specs as unknown as readonly RouteSpec<never>[],
    app(deps, guard) {
      const app = new Hono();
      this.mount(app, deps, guard);
      return app;
    },
    mount(app, deps, guard) {
      const ctx = setup(deps);
      const check = (deps as ResponseCheckFlag | null | undefined)?.checkResponses === true;
      for (const spec of specs) {
        const mw = guard?.(spec as unknown as RouteSpec<never>) ?? null;
        const key = routeKeyOf(spec);
        // `produces` routes send another media type (their schema describes its data)
        const handle = check && !spec.produces
          ? async (c: Context) => checkResponse(key, spec.response, await spec.handler(c, ctx))
          : (c: Context) => spec.handler(c, ctx);
        const chain = [...(mw ? [mw] : []), ...(spec.use ?? [])];
        const handlers: MiddlewareHandler[] = [...chain, handle as MiddlewareHandler];
        app.on(
          spec.method.toUpperCase(),
          [spec.pattern ?? honoPath(spec.path)],
          ...(handlers as [MiddlewareHandler]),
        );
      }
    },
  };
}
