/**
 * One-JSON-object-per-line logger. Fields named like secrets are redacted before writing.
 *
 * @module
 */

/** Severity, lowest first. */
export type LogLevel = "debug" | "info" | "warn" | "error";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[_-]?key|database_url/i;
const encoder = new TextEncoder();

/** A structured logger bound to a service name. */
export interface Logger {
  /** Writes one line at `level` with `msg` and `fields`. */
  log(level: LogLevel, msg: string, fields?: Record<string, unknown>): void;
  /** Shorthand for `log("debug", …)`. */
  debug(msg: string, fields?: Record<string, unknown>): void;
  /** Shorthand for `log("info", …)`. */
  info(msg: string, fields?: Record<string, unknown>): void;
  /** Shorthand for `log("warn", …)`. */
  warn(msg: string, fields?: Record<string, unknown>): void;
  /** Shorthand for `log("error", …)`. */
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Replaces the values of secret-looking keys with `***`, recursively. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 5 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = SECRET_KEY.test(k) ? "***" : redact(v, depth + 1);
  }
  return out;
}

/**
 * Creates a logger writing JSON lines to `write` (default: standard output).
 *
 * @example
 * ```ts
 * const log = createLogger({ service: "core", level: "info" });
 * log.info("listening", { port: 8002 });
 * ```
 */
export function createLogger(
  {
    service,
    level = "info",
    write = (line: string) => Deno.stdout.writeSync(encoder.encode(line)),
  }: {
    service: string;
    level?: LogLevel;
    write?: (line: string) => unknown;
  },
): Logger {
  const min = ORDER[level];
  const log = (lvl: LogLevel, msg: string, fields: Record<string, unknown> = {}) => {
    if (ORDER[lvl] < min) return;
    const line = JSON.stringify({
      ts: new Date().toISOString(),
      level: lvl,
      service,
      msg,
      ...(redact(fields) as object),
    });
    write(line + "\n");
  };
  return {
    log,
    debug: (m, f) => log("debug", m, f),
    info: (m, f) => log("info", m, f),
    warn: (m, f) => log("warn", m, f),
    error: (m, f) => log("error", m, f),
  };
}
