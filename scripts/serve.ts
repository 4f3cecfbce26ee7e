/**
 * Launcher of the `serve:*` tasks and of the containers' entry command: computes the service's
 * narrow permission flags from its configuration (scripts/service_flags.ts), runs
 * `deno run <flags> <service>/main.ts` with the same environment and standard streams, forwards
 * SIGTERM/SIGINT, and exits with the service's status. The launcher itself only reads the
 * environment, lists node_modules/.deno (to find resvg's addon) and runs `deno`.
 *
 * Usage: `deno run --allow-env --allow-read=./node_modules/.deno --allow-run=deno scripts/serve.ts core`
 * (add `--print` to print the command instead of running it).
 *
 * @module
 */
import { ConfigError } from "@trading/shared/config";
import { serviceArgs, type ServiceName } from "./service_flags.ts";

const SERVICES = ["core", "chart", "web"] as const;
const err = (s: string) => Deno.stderr.writeSync(new TextEncoder().encode(s + "\n"));

function denoCommand(): string {
  const exec = Deno.execPath();
  return Deno.permissions.querySync({ name: "run", command: exec }).state === "granted"
    ? exec
    : "deno";
}

/** Runs the launcher with command-line `args`; resolves to the exit code. */
export async function launch(args: string[]): Promise<number> {
  const name = args.find((a) => !a.startsWith("--")) as ServiceName | undefined;
  if (!name || !SERVICES.includes(name)) {
    err(`usage: serve.ts ${SERVICES.join("|")} [--print]`);
    return 64;
  }
  let argv: string[];
  try {
    argv = serviceArgs(name, Deno.env.toObject(), { cwd: Deno.cwd() });
  } catch (e) {
    if (e instanceof ConfigError) {
      err(`${name}: ${e.message}`);
      return 2;
    }
    throw e;
  }
  if (args.includes("--print")) {
    Deno.stdout.writeSync(new TextEncoder().encode(["deno", ...argv].join(" ") + "\n"));
    return 0;
  }
  const child = new Deno.Command(denoCommand(), {
    args: argv,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn();
  const forward = (sig: Deno.Signal) => () => {
    try {
      child.kill(sig);
    } catch { /* already gone */ }
  };
  for (const sig of ["SIGTERM", "SIGINT"] as const) Deno.addSignalListener(sig, forward(sig));
  const status = await child.status;
  return status.signal ? 128 + (status.signal === "SIGKILL" ? 9 : 15) : status.code;
}

if (import.meta.main) Deno.exit(await launch(Deno.args));
