/**
 * `deno task check:deploy --core URL --chart URL [--web URL]`: the deployment checks (health,
 * data consistency, chart render, a short load, 422/404, auth/analysis/metrics when present),
 * printed as a table; exits 1 when any check fails.
 *
 * @module
 */
import { formatResults, parseTargets, runChecks } from "./deploy_checks.ts";

/** Runs the checks for command-line `args`; resolves to the exit code. */
export async function main(
  args: string[],
  { loadRequests = 300, concurrency = 20, title = "Deployment check" } = {},
): Promise<number> {
  let targets;
  try {
    targets = parseTargets(args);
  } catch (e) {
    Deno.stderr.writeSync(new TextEncoder().encode((e as Error).message + "\n"));
    return 64;
  }
  const results = await runChecks(targets, { loadRequests, concurrency });
  Deno.stdout.writeSync(
    new TextEncoder().encode(
      `${title}: core ${targets.core}, chart ${targets.chart}\n${formatResults(results)}\n`,
    ),
  );
  return results.every((r) => r.ok) ? 0 : 1;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
