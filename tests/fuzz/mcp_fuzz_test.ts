/**
 * Property-based MCP messages to `POST /mcp`: `tools/call` of every tool (and unknown names)
 * with arguments built from the tool's own input keys filled with wrong types, huge numbers,
 * unicode, path traversal and injection strings; other JSON-RPC methods with junk params;
 * anonymous, with a read token and with a full token. Every answer must be HTTP 2xx/4xx JSON
 * without a stack trace; a tool failure must be a tool error (`isError`) or a JSON-RPC error,
 * never an HTTP 5xx. (The generic walk of tests/fuzz/core_fuzz_test.ts also covers /mcp with
 * non-MCP bodies.)
 *
 * Seeded (FUZZ_SEED, default 20261125); FUZZ_RUNS per tool (default 25).
 *
 * @module
 */
import assert from "node:assert/strict";
import fc from "fast-check";
import { MCP_TOOLS } from "../../core/mcp/server.ts";
import { testCoreApp } from "../helpers/core_app.ts";
import { nastyString } from "./nasty.ts";

const SEED = Number(Deno.env.get("FUZZ_SEED") ?? 20261125);
const RUNS = Number(Deno.env.get("FUZZ_RUNS") ?? 25);
const STACK = /\n\s+at\s|file:\/\/\/|\.ts:\d+:\d+/;

const { app, deps } = await testCoreApp();
const json = (body: unknown, headers: Record<string, string> = {}) => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: JSON.stringify(body),
});
const reg = await app.request(
  "/api/auth/register",
  json({ email: "mcp-fuzz@example.com", password: "correct horse battery staple 9" }),
);
const cookie = reg.headers.get("set-cookie")?.split(";")[0] ?? "";
async function token(scopes?: string[]): Promise<string> {
  const r = await app.request(
    "/api/tokens",
    json({ name: "f", ...(scopes ? { scopes } : {}) }, { cookie }),
  );
  return (await r.json()).token;
}
const identities: Record<string, Record<string, string>> = {
  anonymous: {},
  read: { authorization: `Bearer ${await token(["read"])}` },
  full: { authorization: `Bearer ${await token()}` },
};

const value: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.double(),
  fc.integer(),
  fc.constantFrom(1e308, -1e308, 2 ** 53 + 1, -0, 0, null, true, false, "AAPL", "2018-05-11"),
  fc.array(nastyString, { maxLength: 3 }),
  fc.dictionary(nastyString, nastyString, { maxKeys: 3 }),
);

function argsFor(keys: string[]) {
  return fc.oneof(
    fc.dictionary(fc.oneof(fc.constantFrom(...(keys.length ? keys : ["x"])), nastyString), value, {
      maxKeys: 6,
    }),
    value,
  );
}

let tried = 0;
const statuses = new Map<number, number>();

async function send(message: unknown, headers: Record<string, string>) {
  tried++;
  const res = await app.request(
    "/mcp",
    json(message, {
      accept: "application/json, text/event-stream",
      ...headers,
    }),
  );
  statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
  const text = await res.text();
  const where = `${JSON.stringify(message).slice(0, 200)} → ${res.status} ${text.slice(0, 300)}`;
  assert.ok(res.status < 500, `5xx: ${where}`);
  if (res.status === 202) return assert.equal(text, "", `a notification is accepted: ${where}`);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/, `not JSON: ${where}`);
  assert.doesNotMatch(text, STACK, `stack trace leaked: ${where}`);
  const body = JSON.parse(text);
  if (res.status === 200) {
    assert.ok("result" in body || "error" in body, `not a JSON-RPC answer: ${where}`);
    assert.ok(
      !/Internal error/.test(JSON.stringify(body.result ?? {})),
      `a tool crashed: ${where}`,
    );
  }
}

Deno.test({
  name:
    "fuzz - MCP tools/call of every tool with hostile arguments answers tool or JSON-RPC errors, never 5xx",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn(t) {
    const tools = [...MCP_TOOLS.map((x) => ({ name: x.name, keys: Object.keys(x.input.shape) })), {
      name: "no_such_tool",
      keys: [],
    }];
    for (const tool of tools) {
      await t.step(tool.name, async () => {
        await fc.assert(
          fc.asyncProperty(
            argsFor(tool.keys),
            fc.constantFrom(...Object.keys(identities)),
            fc.integer({ min: 1, max: 1e9 }),
            async (args, who, id) => {
              await send({
                jsonrpc: "2.0",
                id,
                method: "tools/call",
                params: { name: tool.name, arguments: args },
              }, identities[who]!);
            },
          ),
          { seed: SEED, numRuns: RUNS, endOnFailure: true },
        );
      });
    }
    await t.step("other methods and malformed messages", async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(
            "initialize",
            "tools/list",
            "resources/list",
            "resources/read",
            "resources/templates/list",
            "prompts/list",
            "prompts/get",
            "ping",
            "completion/complete",
            "nope",
          ),
          value,
          fc.constantFrom<unknown>(1, "x", null, undefined, { a: 1 }),
          fc.constantFrom(...Object.keys(identities)),
          async (method, params, id, who) => {
            await send({ jsonrpc: "2.0", id, method, params }, identities[who]!);
          },
        ),
        { seed: SEED, numRuns: RUNS * 4, endOnFailure: true },
      );
    });
  },
});

globalThis.addEventListener("unload", () => {
  // deno-lint-ignore no-console
  console.log(
    `mcp fuzz: ${tried} messages (seed ${SEED}); statuses ${
      JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))
    }`,
  );
  deps.db.close();
});
