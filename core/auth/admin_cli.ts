/**
 * `deno task admin:create --email you@example.com`: makes that account an admin, creating it
 * when it does not exist. A new account gets the password in `ADMIN_PASSWORD` if set (read from
 * the environment only, never from the command line, never printed); without it the account has
 * no password and signs in with Google (its verified e-mail links to it).
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { EmailSchema, NewPasswordSchema } from "@trading/shared/schemas";
import { parseCli } from "../cli_args.ts";
import type { Db } from "../db/db.ts";
import { migrateUp } from "../db/migrations.ts";
import { openDatabase } from "../db/open.ts";
import { hashPassword } from "./password.ts";
import { createUser, findUserByEmail } from "./users.ts";

/** What {@link createAdmin} did. */
export type AdminOutcome = "promoted" | "already admin" | "created";

/**
 * Promotes `email` to admin, or creates it as an admin (with `password` when given).
 *
 * @example
 * ```ts
 * import { migrateUp } from "../db/migrations.ts";
 * import { openSqlite } from "../db/sqlite.ts";
 * import { createAdmin } from "./admin_cli.ts";
 *
 * const db = await openSqlite(":memory:");
 * await migrateUp(db);
 * await createAdmin(db, { email: "ops@example.com", now: Date.now() }); // "created"
 * await createAdmin(db, { email: "ops@example.com", now: Date.now() }); // "already admin"
 * await db.close();
 * ```
 */
export async function createAdmin(
  db: Db,
  { email, password, now }: { email: string; password?: string | undefined; now: number },
): Promise<AdminOutcome> {
  const address = EmailSchema.parse(email);
  const existing = await findUserByEmail(db, address);
  if (existing) {
    if (existing.role === "admin") return "already admin";
    await db.run("UPDATE users SET role = 'admin' WHERE id = ?", [existing.id]);
    return "promoted";
  }
  const passwordHash = password ? await hashPassword(NewPasswordSchema.parse(password)) : null;
  await createUser(db, { email: address, passwordHash, role: "admin", now });
  return "created";
}

const print = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

/** Runs the task with command-line `args`. */
export async function runAdminCreate(args: string[]): Promise<void> {
  const { values } = parseCli(args, { email: { type: "string" } });
  if (typeof values.email !== "string") {
    throw new RangeError("usage: deno task admin:create --email you@example.com");
  }
  const env = Deno.env.toObject();
  const config = loadConfig(CoreEnvSchema, env);
  const db = await openDatabase(config.DATABASE_URL);
  try {
    await migrateUp(db);
    const outcome = await createAdmin(db, {
      email: values.email,
      password: env.ADMIN_PASSWORD || undefined,
      now: Date.now(),
    });
    const how = outcome === "created"
      ? env.ADMIN_PASSWORD
        ? " with the password from ADMIN_PASSWORD"
        : " without a password (sign in with Google)"
      : "";
    print(`${values.email.trim().toLowerCase()}: ${outcome}${how}`);
  } finally {
    await db.close();
  }
}

if (import.meta.main) await runAdminCreate(Deno.args);
