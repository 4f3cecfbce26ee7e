/**
 * Runs a `deno task` of the repository as a subprocess (with the task's own permissions), for
 * tests of the command-line tools.
 *
 * @module
 */
import assert from "node:assert/strict";

const ROOT = new URL("../../", import.meta.url);

/**
 * Runs `deno task <task> …args` with `DATABASE_URL=db` and returns its stdout; fails the test
 * on a non-zero exit, showing stderr.
 *
 * @example
 * ```ts ignore
 * const out = await runTask("backtest", ["--symbol", "AAPL", "--strategy", "sma_cross"], db);
 * ```
 */
export async function runTask(task: string, args: string[], db: string): Promise<string> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", task, ...args],
    cwd: ROOT,
    env: { DATABASE_URL: db, NO_COLOR: "1", LOG_LEVEL: "warn" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  assert.equal(out.code, 0, `${task} exited ${out.code}:\n${new TextDecoder().decode(out.stderr)}`);
  return text;
}
