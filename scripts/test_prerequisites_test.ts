import assert from "node:assert/strict";
import { missingPrerequisites } from "./test_prerequisites.ts";

Deno.test("missingPrerequisites() - names the command and the suites for each missing tool", () => {
  const missing = missingPrerequisites({ chromium: "/nonexistent/chromium", pgBin: null });
  assert.equal(missing.length, 2);
  assert.match(missing[0]!.command, /apt-get install -y chromium$/);
  assert.match(missing[0]!.suites, /tests\/e2e/);
  assert.match(missing[1]!.command, /apt-get install -y postgresql$/);
  assert.match(missing[1]!.suites, /PostgreSQL/);
  assert.deepEqual(missingPrerequisites({ chromium: Deno.execPath(), pgBin: "/usr/bin" }), []);
});
