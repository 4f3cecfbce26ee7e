/**
 * Run under a service's permission flags by the sandbox test: tries what the sandbox must deny
 * and prints one JSON object `{name: "denied" | "allowed: …"}` per attempt.
 *
 * @module
 */
const [outsidePort, writablePath] = Deno.args;
const result: Record<string, string> = {};
async function attempt(name: string, fn: () => unknown | Promise<unknown>) {
  try {
    await fn();
    result[name] = "allowed";
  } catch (e) {
    result[name] = e instanceof Deno.errors.NotCapable || e instanceof Deno.errors.PermissionDenied
      ? "denied"
      : `allowed: ${(e as Error).name}`;
  }
}
await attempt("read /etc/passwd", () => Deno.readTextFileSync("/etc/passwd"));
await attempt("read the repository's deno.json", () => Deno.readTextFileSync("deno.json"));
await attempt("write /tmp", () => Deno.writeTextFileSync("/tmp/sandbox-probe.txt", "x"));
await attempt("env HOME", () => Deno.env.get("HOME"));
await attempt("env all", () => Deno.env.toObject());
await attempt("connect to another port", async () => {
  const c = await Deno.connect({ hostname: "127.0.0.1", port: Number(outsidePort) });
  c.close();
});
await attempt("listen on another port", () => Deno.listen({ port: Number(outsidePort) }).close());
await attempt("run a process", () => new Deno.Command("true").outputSync());
await attempt("ffi", () => Deno.dlopen("libc.so.6", {}));
if (writablePath) {
  await attempt("write the data dir", () => Deno.writeTextFileSync(writablePath, "x"));
}
Deno.stdout.writeSync(new TextEncoder().encode(JSON.stringify(result) + "\n"));
