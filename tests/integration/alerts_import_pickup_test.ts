/**
 * A new bar imported by `deno task import` in a separate process, while core runs on the same
 * SQLite file, reaches alert evaluation within seconds: the engine polls the symbols' data
 * versions (one aggregate query per `ALERTS_POLL_MS`).
 *
 * @module
 */
import assert from "node:assert/strict";
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { createLogger } from "@trading/shared/log";
import { createCoreApp } from "../../core/app.ts";
import { buildDeps } from "../../core/deps.ts";
import { AlertEngine } from "../../core/alerts/engine.ts";
import { call } from "../../core/alerts/test_kit.ts";
import { DATA_DIR } from "../helpers/backends.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test({
  name:
    "alerts - a bar imported by a separate `deno task import` process fires an alert within seconds",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    // `deno task import` may write only under ./data: the database lives there for this test
    const dir = await Deno.makeTempDir({ prefix: "alerts-import-" });
    const name = `data/test-alerts-import-${crypto.randomUUID().slice(0, 8)}.db`;
    const url = `sqlite:///${ROOT}${name}`;
    const config = loadConfig(CoreEnvSchema, { DATABASE_URL: url, DATA_DIR });
    const deps = await buildDeps(config, createLogger({ service: "test", write: () => {} }));
    const stop = new AbortController();
    try {
      const app = createCoreApp(deps);
      const reg = await app.request("/api/auth/register", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "import@example.com", password: "one two three four" }),
      });
      const cookie = reg.headers.get("set-cookie")!.split(";")[0]!;
      const engine = new AlertEngine({ ...deps, hub: deps.notifications });
      await engine.evaluateNewBars();
      const created = await call(app, cookie, "POST", "/api/alerts", {
        symbol: "AAPL",
        price: { crosses: "up", level: 130 },
      });
      assert.equal(created.status, 201);
      const running = engine.start({ barPollMs: 200, signal: stop.signal });

      // the next day after AAPL's last bundled bar (lean/AAPL.csv: 2021-03-31, close 122.15),
      // closing above the alert's level
      const csv = `${dir}/AAPL_new.csv`;
      await Deno.writeTextFile(
        csv,
        "Date,Open,High,Low,Close,Volume\n2021-04-01,123.0,131.0,122.5,130.5,30000000\n",
      );
      const out = await new Deno.Command("deno", {
        args: ["task", "import", csv, "--symbol", "AAPL", "--name", "Apple Inc."],
        cwd: ROOT,
        env: { DATABASE_URL: `sqlite:///./${name}`, NO_COLOR: "1" },
        stdout: "piped",
        stderr: "piped",
      }).output();
      assert.ok(out.success, new TextDecoder().decode(out.stderr));
      const imported = performance.now();
      let picked = -1;
      while (performance.now() - imported < 5_000) {
        const inbox = await call(app, cookie, "GET", "/api/notifications");
        if (inbox.body.notifications.length) {
          picked = performance.now() - imported;
          assert.equal(inbox.body.notifications[0].body.bar_date, "2021-04-01");
          break;
        }
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(picked >= 0, "the imported bar fired the alert within 5 s");
      // deno-lint-ignore no-console
      console.log(`import process exit → notification: ${picked.toFixed(0)} ms`);
      stop.abort();
      await running;
    } finally {
      stop.abort();
      await deps.db.close();
      await Deno.remove(dir, { recursive: true });
      for (const ext of ["", "-wal", "-shm"]) await Deno.remove(ROOT + name + ext).catch(() => {});
    }
  },
});
