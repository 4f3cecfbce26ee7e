import assert from "node:assert/strict";
import { hashPassword, verifyPassword } from "./password.ts";

Deno.test("hashPassword() - salts every hash and verifyPassword() accepts only the password", async () => {
  const a = await hashPassword("correct horse battery");
  const b = await hashPassword("correct horse battery");
  assert.notEqual(a, b, "two hashes of one password differ (per-password salt)");
  assert.match(a, /^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
  assert.equal(await verifyPassword("correct horse battery", a), true);
  assert.equal(await verifyPassword("correct horse batterY", a), false);
  assert.equal(await verifyPassword("", a), false);
});

Deno.test("verifyPassword() - refuses a missing or malformed hash", async () => {
  assert.equal(await verifyPassword("anything", null), false);
  assert.equal(await verifyPassword("anything", "plain-text"), false);
  assert.equal(await verifyPassword("anything", "scrypt$x$8$1$AAAA$AAAA"), false);
});

Deno.test("verifyPassword() - honours the cost stored with the hash", async () => {
  const cheap = await hashPassword("pw-123456", { N: 1024, r: 8, p: 1 });
  assert.match(cheap, /^scrypt\$1024\$/);
  assert.equal(await verifyPassword("pw-123456", cheap), true);
});
