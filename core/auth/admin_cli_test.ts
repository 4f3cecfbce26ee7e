import assert from "node:assert/strict";
import { memoryDb } from "./test_db.ts";
import { createAdmin } from "./admin_cli.ts";
import { verifyPassword } from "./password.ts";
import { createUser, findUserByEmail } from "./users.ts";

Deno.test("createAdmin() - creates, promotes, and is idempotent", async () => {
  const db = await memoryDb();
  const now = Date.UTC(2024, 0, 1);
  assert.equal(
    await createAdmin(db, { email: "Ops@Example.com", password: "a long password", now }),
    "created",
  );
  const ops = await findUserByEmail(db, "ops@example.com");
  assert.equal(ops?.role, "admin");
  assert.equal(await verifyPassword("a long password", ops!.password_hash), true);
  await createUser(db, { email: "later@example.com", now });
  assert.equal(await createAdmin(db, { email: "later@example.com", now }), "promoted");
  assert.equal((await findUserByEmail(db, "later@example.com"))?.role, "admin");
  assert.equal(await createAdmin(db, { email: "later@example.com", now }), "already admin");
  assert.equal(await createAdmin(db, { email: "google-only@example.com", now }), "created");
  assert.equal((await findUserByEmail(db, "google-only@example.com"))?.password_hash, null);
  await assert.rejects(createAdmin(db, { email: "not an email", now }));
  await db.close();
});

Deno.test("deno task admin:create - runs with the task's permissions on a SQLite file", async () => {
  const dir = new URL("../../data/", import.meta.url).pathname;
  await Deno.mkdir(dir, { recursive: true });
  const file = `./data/test-admin-${crypto.randomUUID().slice(0, 8)}.db`;
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["task", "-q", "admin:create", "--email", "first@example.com"],
      cwd: new URL("../../", import.meta.url).pathname,
      env: {
        DATABASE_URL: `sqlite:///${file}`,
        ADMIN_PASSWORD: "from the environment",
        NO_COLOR: "1",
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 0, text);
    assert.match(text, /first@example\.com: created with the password from ADMIN_PASSWORD/);
    assert.ok(!text.includes("from the environment"), "the password is never printed");
  } finally {
    for (const s of ["", "-wal", "-shm"]) {
      await Deno.remove(`${dir}${file.slice(7)}${s}`).catch(() => {});
    }
  }
});
