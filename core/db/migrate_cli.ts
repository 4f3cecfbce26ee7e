/**
 * `deno task db:migrate` (apply pending migrations) and `deno task db:rollback [--steps N]`
 * (undo the latest N, default 1) on the database of `DATABASE_URL`.
 *
 * @module
 */
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { parseCli } from "../cli_args.ts";
import { appliedVersions, migrateDown, migrateUp } from "./migrations.ts";
import { openDatabase } from "./open.ts";

const print = (s: string) => Deno.stdout.writeSync(new TextEncoder().encode(s + "\n"));

/** Runs `up` or `down` with command-line `args`. */
export async function runMigrate(args: string[]): Promise<void> {
  const { values, positionals } = parseCli(args, { steps: { type: "string" } });
  const direction = positionals[0];
  const config = loadConfig(CoreEnvSchema, Deno.env.toObject());
  const db = await openDatabase(config.DATABASE_URL);
  try {
    if (direction === "up") {
      const applied = await migrateUp(db);
      print(applied.length ? `applied: ${applied.join(", ")}` : "nothing to apply");
    } else if (direction === "down") {
      const steps = Number(values.steps ?? 1);
      if (!Number.isInteger(steps) || steps < 1) {
        throw new RangeError("--steps must be a positive integer");
      }
      const undone = await migrateDown(db, { steps });
      print(undone.length ? `rolled back: ${undone.join(", ")}` : "nothing to roll back");
    } else {
      throw new RangeError("usage: migrate_cli.ts up|down [--steps N]");
    }
    print(`current versions: [${(await appliedVersions(db)).join(", ")}]`);
  } finally {
    await db.close();
  }
}

if (import.meta.main) await runMigrate(Deno.args);
