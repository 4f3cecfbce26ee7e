/**
 * `deno task start`: runs core, chart and web together on the embedded defaults, prints their
 * URLs, and stops them all on Ctrl-C or when one exits.
 *
 * @module
 */

const SERVICES = [
  { task: "serve:core", name: "core", port: 8002 },
  { task: "serve:chart", name: "chart", port: 8003 },
  { task: "serve:web", name: "web", port: 8000 },
] as const;

const out = (line: string) => Deno.stdout.writeSync(new TextEncoder().encode(line + "\n"));

// The dashboard's browser bundle is built once (web runs with read-only access to it).
try {
  await Deno.stat(new URL("../web/static/build/manifest.json", import.meta.url));
} catch {
  out("Building the web dashboard's browser bundle (first start only)…");
  const build = await new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", "build"],
    stdout: "inherit",
    stderr: "inherit",
  }).output();
  if (!build.success) {
    out(
      "The web build failed; the dashboard would have no scripts. Fix it or run `deno task build`.",
    );
    Deno.exit(1);
  }
}

const children = SERVICES.map((s) =>
  new Deno.Command(Deno.execPath(), {
    args: ["task", "-q", s.task],
    stdout: "inherit",
    stderr: "inherit",
  }).spawn()
);

out("Starting the AI Trading System:");
for (const s of SERVICES) out(`  ${s.name.padEnd(6)} http://localhost:${s.port}`);
out("  dashboard: http://localhost:8000   API docs: http://localhost:8002/docs   (Ctrl-C stops)");

let stopping = false;
function stopAll(code: number): void {
  if (stopping) return;
  stopping = true;
  for (const c of children) {
    try {
      c.kill("SIGTERM");
    } catch { /* already gone */ }
  }
  setTimeout(() => Deno.exit(code), 1500);
}
Deno.addSignalListener("SIGINT", () => stopAll(0));
Deno.addSignalListener("SIGTERM", () => stopAll(0));
const first = await Promise.race(children.map((c, i) => c.status.then((st) => ({ st, i }))));
out(`${SERVICES[first.i]!.name} exited with code ${first.st.code}; stopping the others.`);
stopAll(first.st.code || 1);
