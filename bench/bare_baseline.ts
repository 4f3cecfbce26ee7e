/**
 * Starts the bare baseline server (bench/_bare_server.ts) as its own process, answering
 * `bodies` (`{path: body}`) with the same bytes as core, for benchmarks that compare core with
 * a server doing nothing else. Used by bench/http_load.ts and the load suite.
 *
 * @module
 */
import { freePort } from "../tests/helpers/services.ts";

/** A running baseline. */
export interface BareBaseline {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  /** Stops the process and removes its bodies file. */
  stop: () => Promise<void>;
}

/** Spawns the baseline (`hono`: a bare Hono app; `plain`: a bare Deno.serve handler). */
export async function startBareBaseline(
  bodies: Record<string, string>,
  kind: "hono" | "plain" = "hono",
): Promise<BareBaseline> {
  const file = await Deno.makeTempFile({ suffix: ".json" });
  await Deno.writeTextFile(file, JSON.stringify(bodies));
  const port = freePort();
  const child = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      new URL("./_bare_server.ts", import.meta.url).pathname,
      String(port),
      file,
      kind,
    ],
    stdout: "null",
    stderr: "inherit",
  }).spawn();
  const url = `http://127.0.0.1:${port}`;
  const probe = Object.keys(bodies)[0] ?? "/";
  for (let i = 0;; i++) {
    try {
      await (await fetch(url + probe)).body?.cancel();
      break;
    } catch (e) {
      if (i >= 100) throw new Error(`the bare baseline did not start: ${(e as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await child.status;
      await Deno.remove(file).catch(() => {});
    },
  };
}
