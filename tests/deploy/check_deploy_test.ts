/**
 * `deno task check:deploy` against locally started core and chart: every check passes and the
 * table is printed; against a dead chart service it fails with exit status 1.
 *
 * @module
 */
import assert from "node:assert/strict";
import {
  freePort,
  removeSqlite,
  type RunningService,
  startService,
  taskArgs,
  tempSqliteUrl,
} from "../helpers/services.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

async function runTask(task: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: [...taskArgs(task), ...args],
    cwd: ROOT,
    env: { NO_COLOR: "1" },
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { code: out.code, text: d.decode(out.stdout) + d.decode(out.stderr) };
}

Deno.test({
  name: "check:deploy - passes on healthy local services, fails (exit 1) when chart is down",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("checks");
    const running: RunningService[] = [];
    try {
      const core = await startService("core", { DATABASE_URL: dbUrl, LOG_LEVEL: "warn" });
      running.push(core);
      const chart = await startService("chart", { CORE_SERVICE_URL: core.url, LOG_LEVEL: "warn" });
      running.push(chart);
      const ok = await runTask("check:deploy", ["--core", core.url, "--chart", chart.url]);
      assert.equal(ok.code, 0, ok.text);
      for (
        const row of [
          "core /health is healthy",
          "13 symbols in the default universe",
          "chart renders a real SVG chart",
          "chart renders a PNG",
          "300 mixed requests at 20 concurrent, no error",
          "422 names the invalid field",
          "404 for an unknown symbol",
          "Prometheus /metrics",
        ]
      ) assert.match(ok.text, new RegExp(`PASS\\s+\\w+\\s+${row.replace(/[/]/g, "\\/")}`), row);
      assert.match(ok.text, /\d+ passed, 0 failed/);

      const dead = `http://127.0.0.1:${freePort()}`;
      const bad = await runTask("check:deploy", ["--core", core.url, "--chart", dead]);
      assert.equal(bad.code, 1, bad.text);
      assert.match(bad.text, /FAIL\s+health\s+chart \/ and \/health/);
      assert.match(bad.text, /[1-9]\d* failed/);

      const usage = await runTask("check:deploy", ["--core", core.url]);
      assert.equal(usage.code, 64);
      assert.match(usage.text, /usage: --core/);
    } finally {
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
