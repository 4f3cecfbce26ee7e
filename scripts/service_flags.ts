/**
 * The narrowest Deno permission flags each service runs under, computed from its configuration
 * (the same zod schema its `main.ts` parses), so the flags stay narrow while ports, hosts and
 * paths come from the environment:
 * - `--allow-net`: its own listen address, the loopback port of its HTTP server behind the
 *   connection guard, plus the host:port of every URL in its config
 *   (other services, `DATABASE_URL`, the OpenID issuer, the LLM server) and nothing else;
 * - `--allow-read`/`--allow-write`: only its data (core: the SQLite directory and `DATA_DIR`, and
 *   reading its own code for the optimiser's workers;
 *   chart: its fonts; web: its built assets);
 * - `--allow-env`: only the names its schema reads (plus the libpq names `npm:postgres` probes);
 * - `--allow-ffi`/`--allow-sys`: chart only, for resvg's native addon.
 *
 * Used by `scripts/serve.ts` (the `serve:*` tasks and the Dockerfiles) and by the tests.
 *
 * @module
 */
import {
  ChartEnvSchema,
  CoreEnvSchema,
  envNames,
  type EnvSchema,
  internalPort,
  loadConfig,
  WebEnvSchema,
} from "@trading/shared/config";

/** The three services. */
export type ServiceName = "core" | "chart" | "web";

const SCHEMAS: Record<ServiceName, EnvSchema> = {
  core: CoreEnvSchema,
  chart: ChartEnvSchema,
  web: WebEnvSchema,
};

/**
 * Names the job queue on PostgreSQL reads: graphile-worker's own switches and those of its
 * driver, `npm:pg` (libpq's conventions; Deno refuses an unlisted name instead of answering
 * undefined).
 */
const GRAPHILE_ENV = [
  "GRAPHILE_ENABLE_DANGEROUS_LOGS",
  "GRAPHILE_LOGGER_DEBUG",
  "GRAPHILE_WORKER_DEBUG",
  "GRAPHILE_WORKER_SCHEMA",
  "NO_LOG_SUCCESS",
  "NODE_PG_FORCE_NATIVE",
  "PGBINARY",
  "PGCLIENTENCODING",
  "PGCONNECT_TIMEOUT",
  "PGOPTIONS",
  "PGSSLMODE",
  "PGSSLCERT",
  "PGSSLKEY",
  "PGSSLROOTCERT",
  "PGSTATEMENT_TIMEOUT",
  "PGLOCK_TIMEOUT",
  "PGIDLE_IN_TRANSACTION_SESSION_TIMEOUT",
  "PGQUERY_TIMEOUT",
  "USER",
  "USERNAME",
  "PGREPLICATION",
  "PGCLIENT_ENCODING",
];

/**
 * Names `npm:postgres` reads when the URL leaves them out: the libpq conventions, and
 * `PG<OPTION>` for each of its pool options (it probes them all at connect time).
 */
const PG_ENV = [
  "PGAPPNAME",
  "PGDATABASE",
  "PGHOST",
  "PGPASSWORD",
  "PGPORT",
  "PGTARGETSESSIONATTRS",
  "PGUSER",
  "PGUSERNAME",
  ...[
    "max",
    "ssl",
    "sslnegotiation",
    "idle_timeout",
    "connect_timeout",
    "max_lifetime",
    "max_pipeline",
    "backoff",
    "keep_alive",
    "prepare",
    "debug",
    "fetch_types",
    "publications",
    "target_session_attrs",
  ].map((o) => `PG${o.toUpperCase()}`),
  // graphile-worker (the job queue on PostgreSQL) and the node-postgres driver it brings read
  // these when they load
  "GRAPHILE_ENV",
  "GRAPHILE_WORKER_DEBUG",
  "GRAPHILE_LOGGER_DEBUG",
  "GRAPHILE_ENABLE_DANGEROUS_LOGS",
  "GRAPHILE_WORKER_SCHEMA",
  "NO_LOG_SUCCESS",
  "NODE_PG_FORCE_NATIVE",
  "PGSSLMODE",
  "USER",
  "USERNAME",
  "PGREPLICATION",
  "PGCLIENT_ENCODING",
];

/** Hosts Google's OpenID configuration sends the token, keys and user-info requests to. */
const GOOGLE_HOSTS = [
  "oauth2.googleapis.com:443",
  "www.googleapis.com:443",
  "openidconnect.googleapis.com:443",
];

/** URL keys used only when a condition holds (e.g. online market data providers). */
const CONDITIONAL_URL: Record<string, (cfg: Record<string, unknown>) => boolean> = {
  YAHOO_BASE_URL: (cfg) => cfg.MARKET_DATA === "online",
  TWSE_BASE_URL: (cfg) => cfg.MARKET_DATA === "online",
};

/** Config keys holding this service's own public URLs (never called by it). */
const SELF_URL = /REDIRECT|PUBLIC/;

const DEFAULT_PORT: Record<string, number> = {
  "http:": 80,
  "https:": 443,
  "postgres:": 5432,
  "postgresql:": 5432,
  "smtp:": 587,
  "smtps:": 465,
};

/** `host:port` of a URL value, or null when the value is not a network URL. */
function endpoint(value: unknown): string | null {
  if (typeof value !== "string" || !/^(https?|postgres(ql)?|smtps?):\/\//.test(value)) return null;
  const u = new URL(value);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  return `${host}:${u.port || DEFAULT_PORT[u.protocol]}`;
}

/** Absolute path of `p` relative to `cwd` (flags are resolved once, where the service runs). */
function abs(p: string, cwd: string): string {
  return p.startsWith("/") ? p : `${cwd.replace(/\/$/, "")}/${p.replace(/^\.\//, "")}`;
}

/** Where the repository is (scripts/..). */
export const REPO_ROOT = new URL("../", import.meta.url).pathname.replace(/\/$/, "");

/**
 * The resvg packages under node_modules/.deno: the loader (which probes for a local addon file)
 * and the platform addons (chart's ffi).
 */
function resvgAddonDirs(root: string): string[] {
  const dirs: string[] = [];
  try {
    for (const e of Deno.readDirSync(`${root}/node_modules/.deno`)) {
      if (e.name.startsWith("@resvg+resvg-js")) dirs.push(`${root}/node_modules/.deno/${e.name}`);
    }
  } catch { /* not installed: chart renders fail clearly */ }
  return dirs.sort();
}

/** Options of {@link serviceFlags}. */
export interface FlagOptions {
  /** Working directory the service runs in (default: the repository root). */
  cwd?: string;
  /** Repository root, for code-relative assets (default: scripts/..). */
  root?: string;
}

/**
 * The permission flags of `service` for the environment `env`. Throws the service's own
 * `ConfigError` (every problem listed) when the environment is invalid.
 *
 * @example
 * ```ts
 * serviceFlags("web", { PORT: "8000", CORE_SERVICE_URL: "http://core:8002" });
 * // ["--allow-net=0.0.0.0:8000,127.0.0.1:18000,core:8002,127.0.0.1:8003", "--allow-read=…/web/static", "--allow-env=…"]
 * ```
 */
export function serviceFlags(
  service: ServiceName,
  env: Record<string, string | undefined>,
  { cwd = REPO_ROOT, root = REPO_ROOT }: FlagOptions = {},
): string[] {
  const schema = SCHEMAS[service];
  const cfg = loadConfig(schema as typeof CoreEnvSchema, env) as Record<string, unknown>;
  // The public port, and the loopback port of the HTTP server behind the connection guard.
  const inner = internalPort(cfg as { PORT: number; INTERNAL_PORT?: number });
  const net = new Set<string>([`${cfg.HOST}:${cfg.PORT}`, `127.0.0.1:${inner}`]);
  for (const [k, v] of Object.entries(cfg)) {
    if (SELF_URL.test(k) || CONDITIONAL_URL[k]?.(cfg) === false) continue;
    const e = endpoint(v);
    if (e) net.add(e);
  }
  const read: string[] = [];
  const write: string[] = [];
  const envs = new Set(envNames(schema));
  const flags: string[] = [];
  if (service === "core") {
    const db = String(cfg.DATABASE_URL);
    if (db.startsWith("sqlite:///")) {
      const dir = abs(db.slice("sqlite:///".length), cwd).replace(/\/[^/]*$/, "");
      read.push(dir);
      write.push(dir);
    } else if (db.startsWith("postgres")) [...PG_ENV, ...GRAPHILE_ENV].forEach((n) => envs.add(n));
    read.push(abs(String(cfg.DATA_DIR), cwd));
    // The optimiser's Web Workers load their module graph at run time: core may read its own
    // code (not secret), never the rest of the file system.
    read.push(`${root}/core`, `${root}/shared`, `${root}/node_modules`, `${root}/deno.json`);
    if (cfg.GOOGLE_CLIENT_ID && String(cfg.GOOGLE_ISSUER).includes("accounts.google.com")) {
      GOOGLE_HOSTS.forEach((h) => net.add(h));
    } else if (!cfg.GOOGLE_CLIENT_ID) net.delete(endpoint(cfg.GOOGLE_ISSUER) ?? "");
    if (cfg.OPENAI_API_KEY && !cfg.OPENAI_BASE_URL) net.add("api.openai.com:443");
    // Alert webhooks go to hosts users choose: listed in WEBHOOK_HOSTS (`*`: any host; the
    // SSRF guard in core/alerts still refuses private addresses).
    for (const h of String(cfg.WEBHOOK_HOSTS ?? "").split(",").filter(Boolean)) net.add(h);
    // Alert e-mails: nodemailer resolves the SMTP host itself (Deno asks for the bare name) and
    // connects to the address it got, which WEBHOOK_HOSTS must list (or `*`) — see README.
    if (typeof cfg.SMTP_URL === "string") net.add(new URL(cfg.SMTP_URL).hostname);
  } else if (service === "chart") {
    read.push(`${root}/node_modules/dejavu-fonts-ttf`, `${root}/node_modules/@embedpdf/fonts-tc`);
    const addons = resvgAddonDirs(root);
    read.push(...addons);
    flags.push(
      addons.length ? `--allow-ffi=${addons.join(",")}` : "--allow-ffi",
      "--allow-sys=cpus,networkInterfaces,hostname",
    );
  } else {
    read.push(`${root}/web/static`);
  }
  flags.unshift(net.has("*") ? "--allow-net" : `--allow-net=${[...net].join(",")}`);
  if (read.length) flags.push(`--allow-read=${read.join(",")}`);
  if (write.length) flags.push(`--allow-write=${write.join(",")}`);
  flags.push(`--allow-env=${[...envs].sort().join(",")}`);
  return flags;
}

/** The full `deno` argument list that runs `service` sandboxed (after the `deno` command). */
export function serviceArgs(
  service: ServiceName,
  env: Record<string, string | undefined>,
  options: FlagOptions = {},
): string[] {
  const root = options.root ?? REPO_ROOT;
  return ["run", ...serviceFlags(service, env, options), `${root}/${service}/main.ts`];
}

/** Every variable any service's flags depend on (what the launcher needs to read). */
export function launcherEnvNames(): string[] {
  const all = new Set<string>();
  for (const s of Object.values(SCHEMAS)) envNames(s).forEach((n) => all.add(n));
  return [...all].sort();
}
