import assert from "node:assert/strict";
import { z } from "zod";
import { routeGroup } from "./route.ts";
import { responseIssues } from "./response_check.ts";

const group = routeGroup((deps: { body: unknown; checkResponses?: boolean }) => deps, [{
  method: "get",
  path: "/things/{id}",
  summary: "A thing",
  tag: "test",
  access: "public",
  response: z.object({ id: z.string(), size: z.number() }),
  handler: (c, d) => c.json(d.body),
}, {
  method: "get",
  path: "/missing",
  summary: "An error",
  tag: "test",
  access: "public",
  response: z.object({ ok: z.boolean() }),
  handler: (c) => c.json({ error: { code: "not_found", message: "no" } }, 404),
}]);

Deno.test("response check - a mismatching answer becomes a 500 naming the route and the issue", async () => {
  const app = group.app({ body: { id: "a", size: "big" }, checkResponses: true });
  const res = await app.request("/things/a");
  assert.equal(res.status, 500);
  const body = await res.json();
  assert.equal(body.error.code, "response_invalid");
  assert.equal(body.error.details.route, "GET /things/:id");
  assert.equal(body.error.details.issues[0].path, "size");
});

Deno.test("response check - an undeclared key (camelCase or not) is a mismatch", async () => {
  const app = group.app({ body: { id: "a", size: 1, sizeUnit: "m" }, checkResponses: true });
  const body = await (await app.request("/things/a")).json();
  assert.deepEqual(body.error.details.issues, [
    { path: "sizeUnit", message: "key not declared in the schema" },
  ]);
});

Deno.test("response check - off by default: the same answer passes unchecked", async () => {
  const res = await group.app({ body: { id: "a", size: "big" } }).request("/things/a");
  assert.equal(res.status, 200);
  assert.deepEqual(await res.json(), { id: "a", size: "big" });
});

Deno.test("response check - a matching answer and error answers pass unchanged", async () => {
  const app = group.app({ body: { id: "a", size: 2 }, checkResponses: true });
  assert.deepEqual(await (await app.request("/things/a")).json(), { id: "a", size: 2 });
  assert.equal((await app.request("/missing")).status, 404);
});

Deno.test("responseIssues() - walks arrays and nested objects", () => {
  const schema = z.object({ rows: z.array(z.object({ a: z.number() })) });
  assert.deepEqual(responseIssues(schema, { rows: [{ a: 1 }, { a: 2, b: 3 }] }), [
    { path: "rows.1.b", message: "key not declared in the schema" },
  ]);
  assert.deepEqual(responseIssues(z.record(z.string(), z.number()), { anyKey: 1 }), []);
});
