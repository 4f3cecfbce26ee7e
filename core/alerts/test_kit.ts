/**
 * Test helpers private to the alert code: a core app with a signed-in user, a new bar for a
 * symbol (appended the way `deno task import` does: a new data version), and a webhook
 * receiver on 127.0.0.1 that verifies every request with the `standardwebhooks` library.
 *
 * @module
 */
import assert from "node:assert/strict";
import { Webhook } from "standardwebhooks";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import type { CoreDeps } from "../deps.ts";
import type { MarketRepository } from "../market_data/repository.ts";

/** A core app (embedded data) and a registered user's cookie. */
export async function alertsApp(env: Record<string, string> = {}) {
  const t = await testCoreApp({ ALLOW_PRIVATE_WEBHOOKS: "true", ...env });
  const res = await t.app.request("/api/auth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: "alerts@example.com", password: "correct horse battery 9" }),
  });
  assert.equal(res.status, 201, await res.clone().text());
  const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
  return { ...t, cookie };
}

/** Calls the app with the user's cookie and a JSON body. */
export async function call(
  app: { request: (p: string, i?: RequestInit) => Response | Promise<Response> },
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
  // deno-lint-ignore no-explicit-any
): Promise<{ status: number; body: Record<string, any> }> {
  const res = await app.request(path, {
    method,
    headers: { cookie, "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

/** Appends one bar after the symbol's last one (next calendar day) closing at `close`. */
export async function appendBar(
  market: MarketRepository,
  deps: Pick<CoreDeps, "series">,
  symbol: string,
  close: number,
): Promise<string> {
  const s = await deps.series.get(symbol);
  const last = s.dates.at(-1)!;
  const d = new Date(`${last}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  const date = d.toISOString().slice(0, 10);
  await market.importBars(
    { symbol, name: symbol, market: "US", currency: "USD", source: "test" },
    [{ date, open: close, high: close, low: close, close, volume: 1000 }],
    { replace: false },
  );
  deps.series.invalidate();
  return date;
}

/** A verified webhook request. */
export interface Received {
  id: string;
  body: Record<string, unknown>;
}

/**
 * A webhook receiver on 127.0.0.1 verifying every request with `standardwebhooks`; `answer`
 * gives the status of the n-th request (1-based).
 */
export function receiver(secret: () => string, answer: (n: number) => number = () => 200) {
  const accepted: Received[] = [];
  const seen: string[] = [];
  let n = 0;
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const text = await req.text();
    const headers = Object.fromEntries(req.headers);
    const body = new Webhook(secret()).verify(text, headers) as Record<string, unknown>;
    const status = answer(++n);
    seen.push(headers["webhook-id"]!);
    if (status >= 200 && status < 300) accepted.push({ id: headers["webhook-id"]!, body });
    return new Response(null, { status });
  });
  const url = `http://127.0.0.1:${server.addr.port}/hook`;
  return { url, accepted, seen, close: () => server.shutdown() };
}
