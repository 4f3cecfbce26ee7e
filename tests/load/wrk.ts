/**
 * Runs `wrk` (Debian package `wrk`) when installed: a C load generator that costs far less CPU
 * than a Deno client sharing the same cores, so server-side ratios are measured more fairly.
 *
 * @module
 */

/** Summary parsed from `wrk --latency` output. */
export interface WrkResult {
  /** Requests per second. */
  rps: number;
  /** Median latency (ms). */
  p50: number;
  /** 99th percentile latency (ms). */
  p99: number;
  /** Requests completed. */
  requests: number;
  /** Non-2xx/3xx responses plus socket errors. */
  errors: number;
}

/** True when `wrk` is on PATH. */
export function hasWrk(): boolean {
  try {
    return new Deno.Command("wrk", { args: ["--version"], stdout: "null", stderr: "null" })
      .outputSync().code !== 127;
  } catch {
    return false;
  }
}

function ms(v: string): number {
  const m = /^([\d.]+)(us|ms|s)$/.exec(v.trim());
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === "us" ? n / 1000 : m[2] === "s" ? n * 1000 : n;
}

/** Parses `wrk --latency` output. */
export function parseWrk(text: string): WrkResult {
  const num = (re: RegExp) => Number(re.exec(text)?.[1] ?? 0);
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  const socketErrors = sock ? sock.slice(1).reduce((a, b) => a + Number(b), 0) : 0;
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    p50: ms(/\n\s+50%\s+(\S+)/.exec(text)?.[1] ?? ""),
    p99: ms(/\n\s+99%\s+(\S+)/.exec(text)?.[1] ?? ""),
    requests: num(/(\d+) requests in/),
    errors: num(/Non-2xx or 3xx responses: (\d+)/) + socketErrors,
  };
}

/** Runs wrk against `url` for `seconds` with `connections` over `threads` threads. */
export async function runWrk(
  url: string,
  { connections = 64, seconds = 5, threads = 2 } = {},
): Promise<WrkResult> {
  const out = await new Deno.Command("wrk", {
    args: [`-t${threads}`, `-c${connections}`, `-d${seconds}s`, "--latency", url],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const text = new TextDecoder().decode(out.stdout);
  if (!out.success) throw new Error(`wrk failed: ${new TextDecoder().decode(out.stderr)}`);
  return parseWrk(text);
}
