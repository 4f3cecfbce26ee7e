/**
 * Starts the services as real processes with exactly the flags of their `deno task serve:*`
 * (the launcher scripts/serve.ts computes them from the environment; by default the service is
 * spawned directly with those flags so that its pid is the service's own, for kill tests), on
 * free ports, and stops them. For integration, fault and sandbox tests.
 *
 * @module
 */
import { serviceArgs } from "../../scripts/service_flags.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

/** A free TCP port on 127.0.0.1. */
export function freePort(): number {
  const l = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = (l.addr as Deno.NetAddr).port;
  l.close();
  return port;
}

/** The argument list of a `deno task` entry of the root deno.json (without the leading `deno`). */
export function taskArgs(task: string): string[] {
  const cfg = JSON.parse(Deno.readTextFileSync(`${ROOT}deno.json`)) as {
    tasks: Record<string, string>;
  };
  const cmd = cfg.tasks[task];
  if (!cmd) throw new Error(`no task ${task}`);
  const parts = cmd.split(/\s+/);
  if (parts[0] !== "deno") throw new Error(`task ${task} does not start with deno`);
  return parts.slice(1);
}

/**
 * Builds the web assets (`deno task build`, as Dockerfile.web does at image build time) when
 * they are missing: web runs sandboxed and cannot build them itself. One test process builds;
 * others wait for it (lock file under ./data).
 */
export async function ensureWebBuild(): Promise<void> {
  const manifest = `${ROOT}web/static/build/manifest.json`;
  const exists = () => {
    try {
      Deno.statSync(manifest);
      return true;
    } catch {
      return false;
    }
  };
  if (exists()) return;
  Deno.mkdirSync(`${ROOT}data`, { recursive: true });
  const lock = `${ROOT}data/.web-build.lock`;
  let owner = false;
  try {
    Deno.openSync(lock, { createNew: true, write: true }).close();
    owner = true;
  } catch { /* another process builds */ }
  try {
    if (owner) {
      const out = await new Deno.Command(Deno.execPath(), {
        args: taskArgs("build"),
        cwd: ROOT,
        stdout: "piped",
        stderr: "piped",
      }).output();
      if (!out.success) {
        throw new Error(`deno task build failed:\n${new TextDecoder().decode(out.stderr)}`);
      }
    } else {
      for (let i = 0; i < 600 && !exists(); i++) await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    if (owner) Deno.removeSync(lock);
  }
}

/** A running service process. */
export interface RunningService {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Port it listens on. */
  port: number;
  /** The process. */
  child: Deno.ChildProcess;
  /** Everything it printed so far. */
  output: () => string;
  /** Stops it (SIGTERM, then SIGKILL) and waits for the exit. */
  stop: () => Promise<void>;
}

/** The port was taken by another process between {@link freePort} and the service's bind. */
class PortTaken extends Error {}

/** What each service's `/health/live` names itself (chart's answer has no `service`). */
const LIVE_SERVICE: Record<string, string | undefined> = {
  core: "core-api",
  web: "web",
  chart: undefined,
};

/**
 * Starts `serve:<name>` with `env` and waits until `readyPath` answers (any status). With
 * `viaTask`, runs the task's own command line (the launcher, which spawns the service).
 * `freePort()` closes its probe before the service binds, so a process of a parallel test can
 * take the port in between: the service's `/health/live` must then name the right service
 * (a core answering on web's port once made a page 404), and a service that lost the race is
 * started again on another port (unless the caller fixed the port).
 */
export async function startService(
  name: "core" | "chart" | "web",
  env: Record<string, string>,
  opts: { readyPath?: string; timeoutMs?: number; port?: number; viaTask?: boolean } = {},
): Promise<RunningService> {
  for (let attempt = 1;; attempt++) {
    try {
      return await startOnce(name, env, { ...opts, port: opts.port ?? freePort() });
    } catch (e) {
      if (!(e instanceof PortTaken) || opts.port !== undefined || attempt >= 3) throw e;
    }
  }
}

async function startOnce(
  name: "core" | "chart" | "web",
  env: Record<string, string>,
  { readyPath = "/health/live", timeoutMs = 30_000, port, viaTask = false }: {
    readyPath?: string;
    timeoutMs?: number;
    port: number;
    viaTask?: boolean;
  },
): Promise<RunningService> {
  if (name === "web") await ensureWebBuild();
  const fullEnv = {
    HOST: "127.0.0.1",
    PORT: String(port),
    INTERNAL_PORT: String(freePort()), // not PORT ± 10 000, which another test may hold
    NO_COLOR: "1",
    ...env,
  };
  const child = new Deno.Command(Deno.execPath(), {
    args: viaTask
      ? taskArgs(`serve:${name}`)
      : serviceArgs(name, { ...Deno.env.toObject(), ...fullEnv }, { cwd: ROOT }),
    cwd: ROOT,
    env: fullEnv,
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  let out = "";
  const decoder = new TextDecoder();
  const pump = async (s: ReadableStream<Uint8Array>) => {
    for await (const chunk of s) out += decoder.decode(chunk);
  };
  const pumps = Promise.all([pump(child.stdout), pump(child.stderr)]);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.status.then(() => (exited = true));
  while (true) {
    if (exited) {
      await pumps.catch(() => {});
      if (/AddrInUse|address already in use/i.test(out)) {
        throw new PortTaken(`${name}: port ${port} taken`);
      }
      throw new Error(`${name} exited before it was ready:\n${out}`);
    }
    let answered: string | null = null;
    try {
      const r = await fetch(url + readyPath, { signal: AbortSignal.timeout(1000) });
      answered = await r.text();
    } catch { /* not listening yet */ }
    if (answered !== null && readyPath === "/health/live") {
      let service: unknown;
      try {
        service = JSON.parse(answered).service;
      } catch { /* not JSON: not one of ours */ }
      if (service !== LIVE_SERVICE[name]) {
        // another test's service holds the port: ours cannot bind it
        child.kill("SIGKILL");
        await child.status;
        await pumps.catch(() => {});
        throw new PortTaken(`${name}: port ${port} answered as ${String(service)}`);
      }
    }
    if (answered !== null) break;
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${name} did not answer within ${timeoutMs} ms:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port,
    child,
    output: () => out,
    stop: async () => {
      if (!exited) {
        try {
          child.kill("SIGTERM");
        } catch { /* gone */ }
        const t = setTimeout(() => {
          try {
            child.kill("SIGKILL");
          } catch { /* gone */ }
        }, 3000);
        await child.status;
        clearTimeout(t);
      }
      await pumps.catch(() => {});
    },
  };
}

/** A fresh SQLite database URL under `./data/` (the only directory core may write). */
export function tempSqliteUrl(label: string): string {
  Deno.mkdirSync(`${ROOT}data`, { recursive: true });
  return `sqlite:///./data/test-${label}-${crypto.randomUUID().slice(0, 8)}.db`;
}

/** Deletes a database created by {@link tempSqliteUrl}. */
export function removeSqlite(url: string): void {
  const path = ROOT + url.slice("sqlite:///./".length);
  for (const suffix of ["", "-wal", "-shm"]) {
    try {
      Deno.removeSync(path + suffix);
    } catch { /* absent */ }
  }
}
