import assert from "node:assert/strict";
import { UnauthorizedError } from "@trading/shared/errors";
import { memoryDb } from "./test_db.ts";
import { apiTokenUser, createApiToken } from "./api_tokens.ts";
import { userForGoogle } from "./google_accounts.ts";
import { createSession, sessionUser } from "./sessions.ts";
import { createUser, findUserByEmail } from "./users.ts";

const now = Date.UTC(2024, 0, 1);

Deno.test("userForGoogle() - linking a never-verified e-mail account takes away its password, sessions and API tokens", async () => {
  const db = await memoryDb();
  // Someone registered the victim's address with their own password before the victim ever
  // used Google sign-in, and keeps a session and an API token.
  const squatted = await createUser(db, {
    email: "victim@example.com",
    passwordHash: "scrypt$attacker",
    now,
  });
  const { token: session } = await createSession(db, squatted.id, { now, maxAgeS: 3600 });
  const { token: apiToken } = await createApiToken(db, squatted.id, { name: "backdoor", now });
  const bystander = await createUser(db, { email: "other@example.com", passwordHash: "x", now });
  const { token: otherSession } = await createSession(db, bystander.id, { now, maxAgeS: 3600 });

  const r = await userForGoogle(db, {
    sub: "google-victim",
    email: "victim@example.com",
    emailVerified: true,
  }, { now });
  assert.equal(r.user.id, squatted.id, "the existing account is linked, not duplicated");
  assert.equal(r.created, false);
  assert.deepEqual(r.linked, { password: true, sessions: 1, apiTokens: 1 });
  const row = (await findUserByEmail(db, "victim@example.com"))!;
  assert.equal(row.password_hash, null, "the squatter's password no longer signs in");
  assert.equal(row.google_sub, "google-victim");
  assert.equal(await sessionUser(db, session, { now, idleS: 3600 }), null, "session revoked");
  assert.equal(await apiTokenUser(db, apiToken, { now }), null, "API token revoked");
  assert.ok(await sessionUser(db, otherSession, { now, idleS: 3600 }), "others untouched");

  // Later sign-ins by the same Google subject find the account and revoke nothing.
  const again = await userForGoogle(db, {
    sub: "google-victim",
    email: "victim@example.com",
    emailVerified: true,
  }, { now });
  assert.equal(again.user.id, squatted.id);
  assert.equal(again.linked, null);
  await db.close();
});

Deno.test("userForGoogle() - an unverified Google e-mail links nothing and revokes nothing", async () => {
  const db = await memoryDb();
  const user = await createUser(db, { email: "a@example.com", passwordHash: "scrypt$x", now });
  const { token } = await createSession(db, user.id, { now, maxAgeS: 3600 });
  await assert.rejects(
    userForGoogle(db, { sub: "g", email: "a@example.com", emailVerified: false }, { now }),
    UnauthorizedError,
  );
  const row = (await findUserByEmail(db, "a@example.com"))!;
  assert.equal(row.password_hash, "scrypt$x");
  assert.equal(row.google_sub, null);
  assert.ok(await sessionUser(db, token, { now, idleS: 3600 }));
  await db.close();
});
