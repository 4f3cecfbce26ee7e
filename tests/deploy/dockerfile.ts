/**
 * A small Dockerfile reader for the deploy tests (no Docker engine here): instructions with
 * line continuations joined and comments dropped; `ENV` pairs; exec-form (`["…"]`) commands.
 *
 * @module
 */

/** One instruction: keyword in upper case and the rest of its (joined) line. */
export interface Instruction {
  /** e.g. `RUN`, `CMD`. */
  op: string;
  /** Everything after the keyword. */
  args: string;
}

/** Parses Dockerfile text into instructions. */
export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === "" || line.trimStart().startsWith("#"))) continue;
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1) + " ";
      continue;
    }
    const full = (pending + line).trim();
    pending = "";
    const m = /^(\w+)\s+(.*)$/.exec(full);
    if (!m) throw new SyntaxError(`Cannot parse Dockerfile line: ${full}`);
    out.push({ op: m[1]!.toUpperCase(), args: m[2]! });
  }
  return out;
}

/** The `KEY=value` pairs of every `ENV` instruction, in order. */
export function envOf(ins: readonly Instruction[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of ins.filter((x) => x.op === "ENV")) {
    for (const pair of i.args.split(/\s+/)) {
      const eq = pair.indexOf("=");
      if (eq <= 0) throw new SyntaxError(`ENV must use KEY=value pairs: ${i.args}`);
      env[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
  }
  return env;
}

/** The argument vector of an exec-form command (`["deno", "run", …]`); throws on shell form. */
export function execForm(args: string): string[] {
  const v = JSON.parse(args) as unknown;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) {
    throw new SyntaxError(`expected an exec-form JSON array, got ${args}`);
  }
  return v;
}

/** Splits `HEALTHCHECK --opt=v … CMD [...]` into its options and command vector. */
export function healthcheckOf(args: string): { options: Record<string, string>; cmd: string[] } {
  const at = args.indexOf("CMD ");
  if (at < 0) throw new SyntaxError(`HEALTHCHECK without CMD: ${args}`);
  const options: Record<string, string> = {};
  for (const o of args.slice(0, at).trim().split(/\s+/).filter(Boolean)) {
    const [k, v] = o.replace(/^--/, "").split("=");
    options[k!] = v ?? "";
  }
  return { options, cmd: execForm(args.slice(at + 4).trim()) };
}
