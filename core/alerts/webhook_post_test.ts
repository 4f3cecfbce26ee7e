import assert from "node:assert/strict";
import { ValidationError } from "@trading/shared/errors";
import { postWebhook } from "./webhook_post.ts";

/** A receiver on 127.0.0.1 recording the Host header of each request. */
function receiver(status = 200, headers: Record<string, string> = {}) {
  const hosts: string[] = [];
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    await req.text();
    hosts.push(req.headers.get("host") ?? "");
    return new Response(null, { status, headers });
  });
  return { port: server.addr.port, hosts, close: () => server.shutdown() };
}

/** A resolver answering `first` once, then `later`; counts calls. */
function rebinding(first: string[], later: string[]) {
  const r = { calls: 0, resolve: (_host: string) => Promise.resolve(r.calls++ ? later : first) };
  return r;
}

Deno.test("postWebhook - DNS rebinding: a name public at check time and 127.0.0.1 at connect time never reaches 127.0.0.1", async () => {
  const rx = receiver();
  const dns = rebinding(["93.184.216.34"], ["127.0.0.1"]);
  await assert.rejects(
    postWebhook(`http://rebind.test:${rx.port}/hook`, {}, "{}", {
      allowPrivate: false,
      timeoutMs: 300,
      resolve: dns.resolve,
    }),
  );
  assert.equal(dns.calls, 1, "the host is resolved once, for the check");
  assert.deepEqual(rx.hosts, [], "nothing reached the loopback receiver");
  await rx.close();
});

Deno.test("postWebhook - connects to the checked address with the original Host header, whatever the name resolves to later", async () => {
  const rx = receiver();
  const dns = rebinding(["127.0.0.1"], ["10.255.255.1"]);
  const opts = { allowPrivate: true, timeoutMs: 2000, resolve: dns.resolve };
  const url = `http://hook.test:${rx.port}/hook`;
  assert.equal(await postWebhook(url, { "webhook-id": "msg_1" }, "{}", opts), 200);
  assert.deepEqual(rx.hosts, [`hook.test:${rx.port}`]);
  await rx.close();
});

Deno.test("postWebhook - a redirect is answered, not followed; metadata and private addresses are refused after resolution", async () => {
  const target = receiver();
  const rx = receiver(302, { location: `http://127.0.0.1:${target.port}/elsewhere` });
  const opts = { allowPrivate: true, timeoutMs: 2000 };
  assert.equal(await postWebhook(`http://127.0.0.1:${rx.port}/hook`, {}, "{}", opts), 302);
  assert.deepEqual(target.hosts, []);
  for (const addr of ["169.254.169.254", "10.0.0.1", "127.0.0.1"]) {
    await assert.rejects(
      postWebhook("http://hooks.example.com/x", {}, "{}", {
        allowPrivate: false,
        timeoutMs: 2000,
        resolve: () => Promise.resolve([addr]),
      }),
      ValidationError,
    );
  }
  await rx.close();
  await target.close();
});

Deno.test("postWebhook - under a sandbox granting a listed host name but not its address, the host is called by name", async () => {
  const rx = receiver();
  const module = new URL("./webhook_post.ts", import.meta.url).href;
  const child = await Deno.makeTempFile({ suffix: ".ts" });
  await Deno.writeTextFile(
    child,
    `import { postWebhook } from ${JSON.stringify(module)};
const status = await postWebhook("http://localhost:${rx.port}/hook", {}, "{}", {
  allowPrivate: true, timeoutMs: 5000, resolve: () => Promise.resolve(["127.0.0.1"]),
});
Deno.stdout.writeSync(new TextEncoder().encode(String(status)));`,
  );
  const config = new URL("../../deno.json", import.meta.url).pathname;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "--no-check", `--config=${config}`, `--allow-net=localhost:${rx.port}`, child],
    stdout: "piped",
    stderr: "piped",
  }).output();
  await Deno.remove(child);
  assert.equal(new TextDecoder().decode(out.stdout), "200", new TextDecoder().decode(out.stderr));
  assert.deepEqual(rx.hosts, [`localhost:${rx.port}`]);
  await rx.close();
});
