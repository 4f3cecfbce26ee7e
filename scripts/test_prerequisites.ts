/**
 * First step of `deno task test`: checks what the suites need from the machine before minutes
 * of tests run, and stops at once with the exact command to run when something is missing,
 * naming the suites that need it. Nothing is installed behind the user's back (apt needs root).
 *
 * - Chromium at `/usr/bin/chromium`: the browser suites (tests/e2e).
 * - PostgreSQL server binaries (`/usr/lib/postgresql/<v>/bin/initdb`): tests/integration's
 *   PostgreSQL re-runs, scale-out and tests/fault's restart suite.
 * - the npm packages in `node_modules/` (`deno install`), fetched from the npm registry.
 *
 * @module
 */
import { CHROMIUM } from "../tests/helpers/chromium_path.ts";
import { findPgBin } from "../tests/helpers/postgres.ts";

/** One missing prerequisite: what, the command that installs it, and who needs it. */
export interface Missing {
  what: string;
  command: string;
  suites: string;
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** The prerequisites of `deno task test` that this machine lacks. */
export function missingPrerequisites(
  { chromium = CHROMIUM, pgBin = findPgBin() }: { chromium?: string; pgBin?: string | null } = {},
): Missing[] {
  const missing: Missing[] = [];
  const apt = Deno.uid() === 0 ? "apt-get" : "sudo apt-get";
  if (!exists(chromium)) {
    missing.push({
      what: `Chromium (${chromium})`,
      command: `${apt} install -y chromium`,
      suites: "tests/e2e (browser tests of the dashboard)",
    });
  }
  if (pgBin === null) {
    missing.push({
      what: "PostgreSQL server (/usr/lib/postgresql/*/bin/initdb)",
      command: `${apt} install -y postgresql`,
      suites:
        "tests/integration (PostgreSQL re-runs of the core suites, scale-out), tests/fault (restart)",
    });
  }
  return missing;
}

if (import.meta.main) {
  const missing = missingPrerequisites();
  if (missing.length) {
    const lines = ["deno task test cannot run every suite on this machine:", ""];
    for (const m of missing) {
      lines.push(`  missing ${m.what}`, `    run: ${m.command}`, `    needed by: ${m.suites}`, "");
    }
    lines.push(
      "Install them (.ci/run does this on a fresh machine), then run `deno task test` again.",
    );
    Deno.stderr.writeSync(new TextEncoder().encode(lines.join("\n") + "\n"));
    Deno.exit(1);
  }
}
