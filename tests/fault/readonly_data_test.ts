/**
 * A read-only data directory (a read-only bind mount, since root ignores file modes): core
 * refuses to start with a clear error naming the problem, and an existing database mounted
 * read-only is left intact (integrity check, same rows) after the failed start.
 *
 * @module
 */
import assert from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { startService } from "../helpers/services.ts";

function sh(cmd: string, args: string[]) {
  const out = new Deno.Command(cmd, { args, stdout: "piped", stderr: "piped" }).outputSync();
  return { ok: out.success, text: new TextDecoder().decode(out.stderr) };
}

/** Mounts `src` read-only at `dst`; throws a clear error where mounts are not permitted. */
function mountReadOnly(src: string, dst: string): void {
  const bind = sh("mount", ["--bind", src, dst]);
  if (!bind.ok) {
    throw new Error(`Cannot bind-mount for the read-only test (needs root): ${bind.text}`);
  }
  const ro = sh("mount", ["-o", "remount,bind,ro", dst]);
  if (!ro.ok) {
    sh("umount", [dst]);
    throw new Error(`Cannot remount read-only: ${ro.text}`);
  }
}

Deno.test({
  name: "fault - read-only data directory: clear start-up error, existing database intact",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const base = await Deno.makeTempDir({ prefix: "trading-ro-" });
    const src = `${base}/src`;
    const mnt = `${base}/data`;
    await Deno.mkdir(src);
    await Deno.mkdir(mnt);
    try {
      // 1. an empty read-only directory: nothing can be created
      mountReadOnly(src, mnt);
      const fresh = await startService("core", { DATABASE_URL: `sqlite:///${mnt}/trading.db` })
        .then((s) => s.stop().then(() => "started"), (e: Error) => e.message);
      assert.notEqual(fresh, "started", "core must not run without a writable database");
      assert.match(fresh, /read-?only|unable to open|readonly/i, fresh);
      assert.match(fresh, /core: cannot start: .*trading\.db/, "one clear line naming the file");
      assert.doesNotMatch(fresh, /Uncaught/, "no uncaught error");
      sh("umount", [mnt]);

      // 2. an existing database, then the directory becomes read-only
      const ok = await startService("core", { DATABASE_URL: `sqlite:///${src}/trading.db` });
      await ok.stop();
      const before = new DatabaseSync(`${src}/trading.db`);
      const rows = before.prepare("SELECT COUNT(*) AS n FROM candles").get() as { n: number };
      before.close();
      mountReadOnly(src, mnt);
      const second = await startService("core", { DATABASE_URL: `sqlite:///${mnt}/trading.db` })
        .then(async (s) => {
          const r = await fetch(`${s.url}/symbols`);
          const status = r.status;
          await r.body?.cancel();
          await s.stop();
          return `started, /symbols ${status}`;
        }, (e: Error) => e.message);
      assert.match(second, /read-?only|unable to open|readonly|started, \/symbols 200/i, second);
      sh("umount", [mnt]);
      const firstLine = (m: string) => m.split("\n").find((l) => /cannot start|started/i.test(l));
      // deno-lint-ignore no-console
      console.log(`read-only: empty dir → ${firstLine(fresh)}; existing db → ${firstLine(second)}`);
      const after = new DatabaseSync(`${src}/trading.db`);
      assert.equal(
        (after.prepare("PRAGMA integrity_check").get() as Record<string, string>).integrity_check,
        "ok",
      );
      assert.equal(
        (after.prepare("SELECT COUNT(*) AS n FROM candles").get() as { n: number }).n,
        rows.n,
      );
      after.close();
    } finally {
      sh("umount", [mnt]);
      await Deno.remove(base, { recursive: true });
    }
  },
});
