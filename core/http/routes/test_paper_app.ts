/**
 * The paper routes as the API serves them, for test users named by an `x-test-user` header
 * (the tests beside the paper and backtest routes share it).
 *
 * @module
 */
import { Hono } from "hono";
import { errorHandler } from "@trading/shared/http";
import type { CoreDeps } from "../../deps.ts";
import { paperRoutes } from "./paper.ts";

/** A JSON answer: its status and parsed body. */
export interface Answer {
  /** HTTP status. */
  status: number;
  // deno-lint-ignore no-explicit-any
  body: any;
}

/**
 * The paper routes behind a stand-in sign-in: the request's `x-test-user` header (else
 * `defaultUser`; none: anonymous) is the signed-in user. `call(method, path, body?, user?)`
 * sends JSON as `user` (default `defaultUser`; `""`: no header).
 *
 * @example
 * ```ts ignore
 * const { call } = paperTestApp(deps, "u1");
 * const acc = await call("POST", "/api/paper/accounts", { cash: 100_000, start: "2016-01-04" });
 * ```
 */
export function paperTestApp(deps: CoreDeps, defaultUser?: string): {
  app: Hono;
  call: (method: string, path: string, body?: unknown, user?: string) => Promise<Answer>;
} {
  const app = new Hono()
    .use(async (c, next) => {
      const id = c.req.header("x-test-user");
      c.set(
        "user" as never,
        (id ? { id, email: `${id}@x.test`, role: "user", plan: "free" } : null) as never,
      );
      await next();
    })
    .route("/", paperRoutes.app(deps));
  app.onError(errorHandler(deps.logger));
  const call = async (method: string, path: string, body?: unknown, user = defaultUser) => {
    const res = await app.request(path, {
      method,
      headers: { "content-type": "application/json", ...(user ? { "x-test-user": user } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: await res.json() };
  };
  return { app, call };
}
