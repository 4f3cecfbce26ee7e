/**
 * Each Dockerfile is pinned, cached at build time, non-root, exposes its port, has a
 * HEALTHCHECK and runs the same command as its `deno task serve:*`; its RUN steps (deno's) and
 * its CMD are run here locally (no Docker engine) to prove the entry command starts under its
 * flags and answers /health, and the HEALTHCHECK command passes. The Railway files use the
 * Dockerfile builder, /health and ON_FAILURE, and hold no secrets.
 *
 * @module
 */
import assert from "node:assert/strict";
import { freePort, removeSqlite, taskArgs, tempSqliteUrl } from "../helpers/services.ts";
import { envOf, execForm, healthcheckOf, type Instruction, parseDockerfile } from "./dockerfile.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
const PORTS = { core: 8002, chart: 8003, web: 8000 } as const;
type Svc = keyof typeof PORTS;

function read(svc: Svc): Instruction[] {
  return parseDockerfile(Deno.readTextFileSync(`${ROOT}Dockerfile.${svc}`));
}

async function sh(cmd: string[], env: Record<string, string> = {}) {
  const out = await new Deno.Command(cmd[0]!, {
    args: cmd.slice(1),
    cwd: ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const d = new TextDecoder();
  return { ok: out.success, text: d.decode(out.stdout) + d.decode(out.stderr) };
}

for (const svc of Object.keys(PORTS) as Svc[]) {
  Deno.test(`Dockerfile.${svc} - pinned image, build-time cache, non-root, port, healthcheck, task flags`, () => {
    const ins = read(svc);
    assert.equal(ins[0]!.op, "FROM");
    assert.equal(ins[0]!.args, "denoland/deno:2.9.6");
    const cmdAt = ins.findIndex((i) => i.op === "CMD");
    const userAt = ins.findIndex((i) => i.op === "USER");
    assert.ok(userAt > 0 && userAt < cmdAt, "USER comes before CMD");
    assert.ok(!["root", "0"].includes(ins[userAt]!.args), "runs as a non-root user");
    const runs = ins.filter((i) => i.op === "RUN").map((i) => i.args);
    assert.ok(runs.includes("deno install --frozen"), "npm dependencies installed from the lock");
    assert.ok(runs.some((r) => r.startsWith("deno cache ") && r.includes(`${svc}/main.ts`)));
    const env = envOf(ins);
    assert.equal(env.PORT, String(PORTS[svc]));
    assert.equal(ins.find((i) => i.op === "EXPOSE")?.args, String(PORTS[svc]));
    const hc = healthcheckOf(ins.find((i) => i.op === "HEALTHCHECK")!.args);
    assert.ok(hc.cmd.join(" ").includes("/health"));
    assert.ok(hc.options["start-period"] && hc.options.interval);
    const cmd = execForm(ins[cmdAt]!.args);
    assert.equal(cmd[0], "deno");
    assert.deepEqual(cmd.slice(1), taskArgs(`serve:${svc}`), "same command as the task");
    assert.ok(!/SECRET|API_KEY|PASSWORD|TOKEN/.test(JSON.stringify(env)), "no secret in ENV");
  });
}

for (const file of ["railway.toml", "railway-chart-deploy.toml", "railway-web-deploy.toml"]) {
  Deno.test(`${file} - Dockerfile builder, /health, restart on failure, no secrets`, () => {
    const text = Deno.readTextFileSync(`${ROOT}${file}`);
    const kv = Object.fromEntries(
      text.split("\n").map((l) => /^\s*(\w+)\s*=\s*(.+?)\s*$/.exec(l)).filter((m) => m)
        .map((m) => [m![1], m![2]!.replace(/^"|"$/g, "")]),
    );
    assert.equal(kv.builder, "DOCKERFILE");
    assert.equal(kv.healthcheckPath, "/health");
    assert.equal(kv.restartPolicyType, "ON_FAILURE");
    Deno.statSync(`${ROOT}${kv.dockerfilePath}`);
    assert.doesNotMatch(text, /postgres(ql)?:\/\/|SECRET\s*=|API_KEY\s*=|CLIENT_ID\s*=|TOKEN\s*=/);
  });
}

Deno.test({
  name: "Dockerfiles - RUN steps and CMD run locally: each entry command answers /health",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const dbUrl = tempSqliteUrl("docker");
    const started: { child: Deno.ChildProcess; out: () => string }[] = [];
    const urls: Partial<Record<Svc, string>> = {};
    try {
      for (const svc of Object.keys(PORTS) as Svc[]) {
        const ins = read(svc);
        for (const r of ins.filter((i) => i.op === "RUN" && i.args.startsWith("deno "))) {
          const res = await sh(r.args.split(/\s+/));
          assert.ok(res.ok, `RUN ${r.args} failed:\n${res.text}`);
        }
        const port = freePort();
        const env: Record<string, string> = {
          ...envOf(ins),
          HOST: "127.0.0.1",
          PORT: String(port),
          DATABASE_URL: dbUrl,
          ...(urls.core ? { CORE_SERVICE_URL: urls.core } : {}),
          ...(urls.chart ? { CHART_SERVICE_URL: urls.chart } : {}),
        };
        const cmd = execForm(ins.find((i) => i.op === "CMD")!.args);
        const child = new Deno.Command(cmd[0]!, {
          args: cmd.slice(1),
          cwd: ROOT,
          env,
          stdout: "piped",
          stderr: "piped",
        }).spawn();
        let out = "";
        const d = new TextDecoder();
        for (const s of [child.stdout, child.stderr]) {
          (async () => {
            for await (const c of s) out += d.decode(c);
          })();
        }
        started.push({ child, out: () => out });
        const url = `http://127.0.0.1:${port}`;
        let status = 0;
        for (let i = 0; i < 300 && status !== 200; i++) {
          try {
            const r = await fetch(`${url}/health`);
            status = r.status;
            await r.body?.cancel();
          } catch { /* not yet */ }
          if (status !== 200) await new Promise((r) => setTimeout(r, 100));
        }
        assert.equal(status, 200, `${svc} entry command answers /health:\n${out}`);
        urls[svc] = url;
        const hc = healthcheckOf(ins.find((i) => i.op === "HEALTHCHECK")!.args);
        const probe = await sh(hc.cmd, { PORT: String(port) });
        assert.ok(probe.ok, `HEALTHCHECK of ${svc} passes: ${probe.text}`);
      }
    } finally {
      for (const s of started.reverse()) {
        try {
          s.child.kill("SIGTERM");
        } catch { /* gone */ }
        await s.child.status;
      }
      removeSqlite(dbUrl);
    }
  },
});
