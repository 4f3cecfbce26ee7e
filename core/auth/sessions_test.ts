import assert from "node:assert/strict";
import { makeUser, memoryDb } from "./test_db.ts";
import { sha256Hex } from "./crypto.ts";
import { createSession, revokeSession, revokeUserSessions, sessionUser } from "./sessions.ts";

const T0 = Date.UTC(2024, 0, 1);
const times = { idleS: 3600, maxAgeS: 86_400 };

Deno.test("createSession() - stores only the SHA-256 of a 256-bit token", async () => {
  const db = await memoryDb();
  const u = await makeUser(db, "a@example.com");
  const { token } = await createSession(db, u.id, { now: T0, maxAgeS: times.maxAgeS });
  assert.match(token, /^[A-Za-z0-9_-]{43}$/, "32 bytes as base64url");
  const rows = await db.query<{ token_hash: string }>("SELECT token_hash FROM sessions");
  assert.equal(rows.length, 1);
  assert.equal(rows[0]!.token_hash, await sha256Hex(token));
  assert.ok(!JSON.stringify(rows).includes(token));
  assert.equal(
    (await sessionUser(db, token, { now: T0 + 1000, idleS: times.idleS }))?.user.id,
    u.id,
  );
  assert.equal(await sessionUser(db, token + "x", { now: T0, idleS: times.idleS }), null);
  await db.close();
});

Deno.test("sessionUser() - idle and absolute expiry end a session", async () => {
  const db = await memoryDb();
  const u = await makeUser(db, "a@example.com");
  const idle = await createSession(db, u.id, { now: T0, maxAgeS: times.maxAgeS });
  assert.equal(await sessionUser(db, idle.token, { now: T0 + 3_600_000, idleS: 3600 }), null);
  const busy = await createSession(db, u.id, { now: T0, maxAgeS: times.maxAgeS });
  // used every 50 minutes: the idle timeout never hits, the absolute one does
  for (let t = T0; t < T0 + 86_400_000; t += 3_000_000) {
    assert.ok(await sessionUser(db, busy.token, { now: t, idleS: 3600 }), `alive at ${t - T0}`);
  }
  assert.equal(await sessionUser(db, busy.token, { now: T0 + 86_400_000, idleS: 3600 }), null);
  const left = await db.query("SELECT id FROM sessions");
  assert.equal(left.length, 0, "dead sessions are deleted");
  await db.close();
});

Deno.test("revokeSession()/revokeUserSessions() - sign-out and password change", async () => {
  const db = await memoryDb();
  const a = await makeUser(db, "a@example.com");
  const b = await makeUser(db, "b@example.com");
  const a1 = await createSession(db, a.id, { now: T0, maxAgeS: 3600 });
  const a2 = await createSession(db, a.id, { now: T0, maxAgeS: 3600 });
  const b1 = await createSession(db, b.id, { now: T0, maxAgeS: 3600 });
  await revokeSession(db, a1.token);
  assert.equal(await sessionUser(db, a1.token, { now: T0, idleS: 60 }), null);
  assert.ok(await sessionUser(db, a2.token, { now: T0, idleS: 60 }));
  assert.equal(await revokeUserSessions(db, a.id), 1);
  assert.equal(await sessionUser(db, a2.token, { now: T0, idleS: 60 }), null);
  assert.ok(await sessionUser(db, b1.token, { now: T0, idleS: 60 }), "other users keep theirs");
  await db.close();
});

Deno.test("purgeExpiredSessions() - deletes idle and expired sessions only", async () => {
  const db = await memoryDb();
  const u = await makeUser(db, "a@example.com");
  await createSession(db, u.id, { now: T0, maxAgeS: 3600 });
  const live = await createSession(db, u.id, { now: T0 + 3_000_000, maxAgeS: 3600 });
  const { purgeExpiredSessions } = await import("./sessions.ts");
  assert.equal(await purgeExpiredSessions(db, { now: T0 + 3_600_000, idleS: 1800 }), 1);
  assert.ok(await sessionUser(db, live.token, { now: T0 + 3_600_000, idleS: 1800 }));
  await db.close();
});
