/**
 * Each service runs under the narrowest flags that work: the flags name only its own listen
 * address and the hosts it calls, its own directories and the variables it reads; a probe under
 * the same flags is denied everything else; and each service, started through its real
 * `deno task serve:*` command line (the launcher), answers its main routes.
 *
 * @module
 */
import assert from "node:assert/strict";
import { serviceArgs, serviceFlags } from "../../scripts/service_flags.ts";
import {
  freePort,
  removeSqlite,
  type RunningService,
  startService,
  taskArgs,
  tempSqliteUrl,
} from "../helpers/services.ts";

const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
const opts = { sanitizeResources: false, sanitizeOps: false };

/** GET `url`: status, content type and body text. */
export async function get(url: string) {
  const r = await fetch(url);
  return { status: r.status, type: r.headers.get("content-type") ?? "", body: await r.text() };
}

Deno.test("serve:* tasks - run the launcher with its own narrow flags", () => {
  for (const s of ["core", "chart", "web"]) {
    const args = taskArgs(`serve:${s}`);
    assert.deepEqual(args.slice(-2), ["scripts/serve.ts", s]);
    assert.ok(!args.some((a) => /^(-A|--allow-all|--allow-net|--allow-write)/.test(a)), s);
    assert.ok(args.includes("--allow-run=deno"), "the launcher may only run deno");
  }
});

Deno.test("serviceFlags() - net, read, write, env, ffi and sys are each limited to what the service uses", () => {
  const env = {
    HOST: "0.0.0.0",
    PORT: "9002",
    CHART_SERVICE_URL: "http://chart.internal:9003",
    DATABASE_URL: "sqlite:///./data/x.db",
  };
  const core = serviceFlags("core", env, { cwd: "/app", root: "/app" });
  assert.deepEqual(core.slice(0, 3), [
    "--allow-net=0.0.0.0:9002,127.0.0.1:19002,chart.internal:9003",
    "--allow-read=/app/data,/app/core/data/market,/app/core,/app/shared,/app/node_modules,/app/deno.json",
    "--allow-write=/app/data",
  ]);
  assert.match(core[3]!, /^--allow-env=[A-Z_,]+$/);
  assert.ok(core[3]!.split(/[=,]/).includes("DATABASE_URL"));
  assert.equal(core.length, 4, "no ffi, sys or run for core");

  const pg = serviceFlags("core", { DATABASE_URL: "postgres://u:p@db:6543/t" }, { root: "/app" });
  assert.equal(pg[0], "--allow-net=0.0.0.0:8002,127.0.0.1:18002,db:6543,127.0.0.1:8003");
  assert.ok(!pg.some((f) => f.startsWith("--allow-write")), "no disk writes on PostgreSQL");
  // alert e-mails: the SMTP host (default ports 587 / 465); the web's public URL is never called
  const smtp = (url: string) =>
    serviceFlags("core", { SMTP_URL: url, PUBLIC_WEB_URL: "https://app.example" })[0]!;
  assert.ok(smtp("smtp://u:p@mail.example:2525").split(/[=,]/).includes("mail.example:2525"));
  assert.ok(smtp("smtps://u:p@mail.example").split(/[=,]/).includes("mail.example:465"));
  assert.ok(smtp("smtps://u:p@mail.example").split(/[=,]/).includes("mail.example"), "its DNS");
  assert.ok(!smtp("smtp://mail.example").includes("app.example"));

  const web = serviceFlags("web", { CORE_SERVICE_URL: "https://core.example:443" }, {
    root: "/app",
  });
  assert.deepEqual(web.slice(0, 2), [
    "--allow-net=0.0.0.0:8000,127.0.0.1:18000,core.example:443,127.0.0.1:8003",
    "--allow-read=/app/web/static",
  ]);
  const chart = serviceFlags("chart", {}, { root: ROOT }).join(" ");
  assert.match(chart, /--allow-ffi=\S*resvg/);
  assert.match(chart, /--allow-sys=cpus,networkInterfaces,hostname/);
  assert.throws(() => serviceFlags("core", { PORT: "nope" }), /PORT/);
});

Deno.test({
  name: "sandbox - a probe under each service's flags is denied everything else",
  ...opts,
  async fn() {
    const dbUrl = tempSqliteUrl("probe");
    try {
      for (const service of ["core", "chart", "web"] as const) {
        const env = { HOST: "127.0.0.1", PORT: String(freePort()), DATABASE_URL: dbUrl };
        const args = serviceArgs(service, env, { cwd: ROOT });
        args[args.length - 1] = `${ROOT}/tests/sandbox/probe.ts`;
        const writable = service === "core" ? `${ROOT}/data/probe-${Date.now()}.txt` : "";
        const out = await new Deno.Command(Deno.execPath(), {
          args: [...args, String(freePort()), writable],
          cwd: ROOT,
          env,
          stdout: "piped",
          stderr: "piped",
        }).output();
        const text = new TextDecoder().decode(out.stdout);
        assert.ok(out.success, new TextDecoder().decode(out.stderr));
        const r = JSON.parse(text) as Record<string, string>;
        for (
          const k of [
            "read /etc/passwd",
            // core reads its own code (the optimiser's workers load their modules at run time)
            ...(service === "core" ? [] : ["read the repository's deno.json"]),
            "write /tmp",
            "env HOME",
            "env all",
            "connect to another port",
            "listen on another port",
            "run a process",
            "ffi",
          ]
        ) assert.equal(r[k], "denied", `${service}: ${k}`);
        if (writable) {
          assert.equal(r["write the data dir"], "allowed");
          Deno.removeSync(writable);
        }
      }
    } finally {
      removeSqlite(dbUrl);
    }
  },
});

Deno.test({
  name: "sandbox - core, chart and web started by their tasks answer their main routes",
  ...opts,
  async fn() {
    const dbUrl = tempSqliteUrl("sandbox");
    const running: RunningService[] = [];
    try {
      const core = await startService("core", { DATABASE_URL: dbUrl }, { viaTask: true });
      running.push(core);
      const chart = await startService("chart", { CORE_SERVICE_URL: core.url }, {
        viaTask: true,
        readyPath: "/",
      });
      running.push(chart);

      assert.equal((await get(`${core.url}/health`)).status, 200);
      assert.equal(JSON.parse((await get(`${core.url}/symbols`)).body).total, 13);
      const candles = await get(`${core.url}/api/symbols/AAPL/candles?limit=250`);
      assert.equal(JSON.parse(candles.body).count, 250);
      assert.equal((await get(`${core.url}/api/symbols/MSFT/quote`)).status, 200);
      assert.equal((await get(`${core.url}/api/symbols/AAPL/candles?limit=0`)).status, 422);
      assert.equal((await get(`${core.url}/docs`)).status, 200);

      const chartIndex = JSON.parse((await get(`${chart.url}/`)).body);
      assert.equal(chartIndex.service, "Chart Generation Service");
      assert.equal((await get(`${chart.url}/health`)).status, 200, "chart reaches core");
      for (const kind of ["svg", "png"]) {
        if (!JSON.stringify(chartIndex.renderers ?? []).includes(kind)) continue;
        const img = await get(`${chart.url}/charts/AAPL.${kind}`);
        assert.equal(img.status, 200, `chart renders ${kind} under its flags: ${img.body}`);
      }

      const web = await startService("web", {
        CORE_SERVICE_URL: core.url,
        CHART_SERVICE_URL: chart.url,
      }, { viaTask: true, readyPath: "/health" });
      running.push(web);
      const page = await get(`${web.url}/`);
      assert.equal(page.status, 200, page.body.slice(0, 300));
      assert.match(page.body, /AAPL/, "web reached core under its flags");
      assert.equal((await get(`${web.url}/health/live`)).status, 200);
      const proxied = await get(`${web.url}/api/symbols/AAPL/quote`);
      assert.equal(proxied.status, 200, "web forwards /api/* to core under its flags");

      const stopped = running.pop()!;
      await stopped.stop();
      const code = (await stopped.child.status).code;
      assert.ok(
        code === 0 || code === 143,
        `the launcher forwards SIGTERM and reports the service's end (0, or 143 when killed by it), got ${code}`,
      );
      await assert.rejects(fetch(`${web.url}/health`), "no orphaned service keeps the port");
    } finally {
      for (const s of running.reverse()) await s.stop();
      removeSqlite(dbUrl);
    }
  },
});
