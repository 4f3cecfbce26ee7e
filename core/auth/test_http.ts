/**
 * HTTP test helpers private to the account code: a core app without market data, a cookie jar
 * and sign-up/sign-in shortcuts.
 *
 * @module
 */
import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";

/** A test core app (no embedded data: the account routes do not need it). */
export function accountsApp(env: Record<string, string> = {}) {
  return testCoreApp({ SEED_DATA: "none", ...env });
}

type App = Awaited<ReturnType<typeof accountsApp>>["app"];

/** The `name=value` of the cookies a response sets (empty values = deletions). */
export function cookiesOf(res: Response): Record<string, string> {
  const out: Record<string, string> = {};
  for (const sc of res.headers.getSetCookie()) {
    const [pair] = sc.split(";");
    const i = pair!.indexOf("=");
    out[pair!.slice(0, i).trim()] = pair!.slice(i + 1).trim();
  }
  return out;
}

/** JSON request options. */
export function json(
  method: string,
  body: unknown,
  headers: Record<string, string> = {},
): RequestInit {
  return {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  };
}

/** Registers `email` and returns its session cookie header value (`session=…`). */
export async function register(
  app: App,
  email: string,
  password = "long enough pw",
): Promise<string> {
  const res = await app.request("/api/auth/register", json("POST", { email, password }));
  assert.equal(res.status, 201, await res.clone().text());
  const token = cookiesOf(res).session;
  assert.ok(token, "session cookie set");
  return `session=${token}`;
}

/** Creates an API token for the signed-in `cookie` and returns the secret. */
export async function apiToken(app: App, cookie: string, name = "script"): Promise<string> {
  const res = await app.request("/api/tokens", json("POST", { name }, { cookie }));
  assert.equal(res.status, 201, await res.clone().text());
  return (await res.json()).token;
}
