import assert from "node:assert/strict";
import { NotFoundError, ValidationError } from "@trading/shared/errors";
import { backendTest, freshDatabaseUrl } from "../../tests/helpers/backends.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { makeUser, memoryDb } from "./test_db.ts";
import {
  canonicalCode,
  CODE_ALPHABET,
  generateCode,
  listCodes,
  mintCodes,
  redeemCode,
  revokeCode,
} from "./redemption.ts";

const T0 = Date.UTC(2024, 5, 1);

Deno.test("generateCode() - XXXX-XXXX-XXXX over the 32-symbol alphabet, every symbol reachable", () => {
  const seen = new Set<string>();
  for (let i = 0; i < 400; i++) {
    const c = generateCode();
    assert.match(c, /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    for (const ch of c.replaceAll("-", "")) seen.add(ch);
  }
  assert.equal(seen.size, CODE_ALPHABET.length);
  assert.equal(canonicalCode("abcd-efgh-ijkl"), "ABCDEFGH1JK1");
  assert.equal(canonicalCode(" o0o0 1111 2222 "), "000011112222");
});

Deno.test("redeemCode() - adds credits once per user; expired, revoked and used-up codes refused alike", async () => {
  const db = await memoryDb();
  const admin = await makeUser(db, "admin@example.com");
  const a = await makeUser(db, "a@example.com");
  const b = await makeUser(db, "b@example.com");
  const [one] = await mintCodes(db, { amount: 5, createdBy: admin.id, now: T0 });
  assert.ok(one);
  const stored = await db.query<{ code_hash: string; hint: string }>(
    "SELECT code_hash, hint FROM redemption_codes",
  );
  assert.ok(!JSON.stringify(stored).includes(canonicalCode(one.code)), "only the hash is stored");
  assert.equal(stored[0]!.hint, one.code.slice(-4));
  assert.equal(await redeemCode(db, a.id, one.code.toLowerCase(), { now: T0 }), 5);
  const refused = (e: unknown) => e instanceof ValidationError && e.issues[0]?.field === "code";
  await assert.rejects(redeemCode(db, b.id, one.code, { now: T0 }), refused, "single use");
  const [multi] = await mintCodes(db, {
    amount: 2,
    maxUses: 3,
    expiresAt: T0 + 3600_000,
    createdBy: admin.id,
    now: T0,
  });
  assert.equal(await redeemCode(db, a.id, multi!.code, { now: T0 }), 2);
  await assert.rejects(redeemCode(db, a.id, multi!.code, { now: T0 }), refused, "once per user");
  await assert.rejects(
    redeemCode(db, b.id, multi!.code, { now: T0 + 3600_000 }),
    refused,
    "expired",
  );
  await revokeCode(db, multi!.id, { now: T0 });
  await assert.rejects(redeemCode(db, b.id, multi!.code, { now: T0 }), refused, "revoked");
  await assert.rejects(revokeCode(db, multi!.id, { now: T0 }), NotFoundError);
  await assert.rejects(redeemCode(db, b.id, "AAAA-BBBB-CCCC", { now: T0 }), refused, "unknown");
  const credits = await db.query<{ email: string; credits: number }>(
    "SELECT email, credits FROM users ORDER BY email",
  );
  assert.deepEqual(credits.map((r) => [r.email, Number(r.credits)]), [
    ["a@example.com", 7],
    ["admin@example.com", 0],
    ["b@example.com", 0],
  ]);
  const listed = await listCodes(db, { now: T0 });
  assert.deepEqual(listed.map((c) => [c.status, c.uses]).sort(), [["revoked", 1], ["used_up", 1]]);
  await db.close();
});

backendTest("redeemCode() - 50 users racing for a 10-use code: exactly 10 win", async (backend) => {
  const url = await freshDatabaseUrl(backend);
  const db = await openDatabase(url);
  await migrateUp(db);
  const second = backend === "postgres" ? await openDatabase(url) : db;
  try {
    const admin = await makeUser(db, "admin@example.com");
    const users = [];
    for (let i = 0; i < 50; i++) users.push(await makeUser(db, `u${i}@example.com`));
    const [code] = await mintCodes(db, { amount: 3, maxUses: 10, createdBy: admin.id, now: T0 });
    const results = await Promise.allSettled(
      users.map((u, i) => redeemCode(i % 2 ? second : db, u.id, code!.code, { now: T0 })),
    );
    const won = results.filter((r) => r.status === "fulfilled").length;
    const lost = results.filter((r) =>
      r.status === "rejected" && r.reason instanceof ValidationError
    )
      .length;
    assert.deepEqual([won, lost], [10, 40]);
    const [row] = await db.query<{ uses: number; total: number }>(
      `SELECT c.uses, (SELECT SUM(credits) FROM users) AS total FROM redemption_codes c`,
    );
    assert.deepEqual([Number(row!.uses), Number(row!.total)], [10, 30]);
  } finally {
    await db.close();
    if (second !== db) await second.close();
  }
});
