/**
 * A private PostgreSQL cluster for tests: `initdb` in a temporary directory, `pg_ctl start` on
 * 127.0.0.1 and a free port, stopped when the test process ends. Uses the Debian `postgresql`
 * package (`/usr/lib/postgresql/<v>/bin`); runs the server as the `postgres` OS user when the
 * tests run as root. When the binaries are missing, {@link startPostgres} throws a clear error
 * (tests fail, they never pass silently).
 *
 * @module
 */
import { freePort } from "./services.ts";

/** A running test cluster. */
export interface PgCluster {
  /** Port on 127.0.0.1. */
  port: number;
  /** URL of the `postgres` maintenance database. */
  url: string;
  /** Data directory. */
  dir: string;
  /** Creates an empty database (optionally from a template) and returns its URL. */
  createDatabase(name?: string, template?: string): Promise<string>;
  /** Stops the server (`fast`: disconnect clients; `immediate`: like a crash). */
  stopServer(mode?: "fast" | "immediate"): Promise<void>;
  /** Starts the server again on the same port and data directory. */
  startServer(): Promise<void>;
  /** Stops the server and removes the data directory. */
  destroy(): void;
}

const decoder = new TextDecoder();

/** The `bin` directory of the newest installed PostgreSQL, or null. */
export function findPgBin(): string | null {
  const base = "/usr/lib/postgresql";
  try {
    const versions = [...Deno.readDirSync(base)].map((e) => e.name)
      .filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      try {
        Deno.statSync(`${base}/${v}/bin/initdb`);
        return `${base}/${v}/bin`;
      } catch { /* next */ }
    }
  } catch { /* none */ }
  return null;
}

const isRoot = () => Deno.uid() === 0;

function run(cmd: string, args: string[], what: string): string {
  const argv = isRoot() ? ["-u", "postgres", "--", cmd, ...args] : args;
  const out = new Deno.Command(isRoot() ? "runuser" : cmd, {
    args: argv,
    stdout: "piped",
    stderr: "piped",
    env: { LC_ALL: "C" },
  }).outputSync();
  const text = decoder.decode(out.stdout) + decoder.decode(out.stderr);
  if (!out.success) throw new Error(`Cannot ${what}: ${cmd} ${args.join(" ")} failed:\n${text}`);
  return text;
}

/**
 * Creates and starts a private cluster. Throws an error that says how to install PostgreSQL
 * when its binaries are absent.
 */
export async function startPostgres(): Promise<PgCluster> {
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      "PostgreSQL is not installed: /usr/lib/postgresql/*/bin/initdb is missing. Install it with " +
        "`apt-get install -y postgresql` (.ci/run does); the PostgreSQL tests cannot run without it.",
    );
  }
  reapStaleClusters(bin);
  const dir = await Deno.makeTempDir({ prefix: "trading-pg-" });
  Deno.writeTextFileSync(`${dir}/owner.pid`, String(Deno.pid));
  if (isRoot()) {
    const id = new Deno.Command("id", { args: ["-u", "postgres"], stdout: "piped" }).outputSync();
    const gid = new Deno.Command("id", { args: ["-g", "postgres"], stdout: "piped" }).outputSync();
    if (!id.success) throw new Error("Cannot start PostgreSQL: no `postgres` OS user to run it");
    Deno.chownSync(dir, Number(decoder.decode(id.stdout)), Number(decoder.decode(gid.stdout)));
  }
  const data = `${dir}/data`;
  run(
    `${bin}/initdb`,
    ["-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"],
    "create a cluster",
  );
  const port = freePort();
  const opts = [
    `-p ${port}`,
    `-k ${dir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=200",
  ].join(" ");
  const startServer = () => {
    run(
      `${bin}/pg_ctl`,
      ["-D", data, "-o", opts, "-l", `${dir}/server.log`, "-w", "-t", "30", "start"],
      "start PostgreSQL",
    );
    return Promise.resolve();
  };
  const stopServer = (mode: "fast" | "immediate" = "fast") => {
    run(`${bin}/pg_ctl`, ["-D", data, "-m", mode, "-w", "stop"], "stop PostgreSQL");
    return Promise.resolve();
  };
  await startServer();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let destroyed = false;
  const destroy = () => {
    if (destroyed) return;
    destroyed = true;
    try {
      stopServer("immediate");
    } catch { /* already stopped */ }
    Deno.removeSync(dir, { recursive: true });
  };
  globalThis.addEventListener("unload", destroy);
  let n = 0;
  return {
    port,
    url,
    dir,
    startServer,
    stopServer,
    destroy,
    async createDatabase(
      name = `t${Deno.pid}_${++n}_${crypto.randomUUID().slice(0, 6)}`,
      template,
    ) {
      const { default: postgres } = await import("postgres");
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(
          `CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ""}`,
        );
      } finally {
        await sql.end({ timeout: 1 });
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
  };
}

/**
 * Stops and removes clusters left by test processes that were killed before their `unload`
 * handler ran (their `owner.pid` is no longer alive).
 */
function reapStaleClusters(bin: string): void {
  const tmp = Deno.env.get("TMPDIR") ?? "/tmp";
  for (const e of Deno.readDirSync(tmp)) {
    if (!e.isDirectory || !e.name.startsWith("trading-pg-")) continue;
    const dir = `${tmp}/${e.name}`;
    let owner: number;
    try {
      owner = Number(Deno.readTextFileSync(`${dir}/owner.pid`));
    } catch {
      continue;
    }
    try {
      Deno.statSync(`/proc/${owner}`);
      continue; // still running
    } catch { /* owner gone */ }
    try {
      run(
        `${bin}/pg_ctl`,
        ["-D", `${dir}/data`, "-m", "immediate", "-w", "stop"],
        "stop a stale cluster",
      );
    } catch { /* not running */ }
    try {
      Deno.removeSync(dir, { recursive: true });
    } catch { /* another process reaped it */ }
  }
}

let shared: Promise<PgCluster> | null = null;

/** One cluster per test process, started on first use and stopped when the process ends. */
export function sharedPostgres(): Promise<PgCluster> {
  shared ??= startPostgres();
  return shared;
}
