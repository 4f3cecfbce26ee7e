import assert from "node:assert/strict";
import * as esbuild from "esbuild";
import { buildAssets } from "./build.ts";
import { readIslandNames } from "./island_files.ts";

Deno.test("build - every file in web/islands/ is an entry and a lazy chunk of the client's generated island map", async () => {
  const outdir = await Deno.makeTempDir();
  try {
    const m = await buildAssets({ outdir, minify: false });
    const names = readIslandNames();
    assert.deepEqual(Object.keys(m.islands).sort(), names);
    const clientFile = m.client[0]!;
    assert.match(clientFile, /^client-/);
    const client = await Deno.readTextFile(`${outdir}/${clientFile}`);
    for (const name of names) {
      const entry = m.islands[name]![0]!;
      assert.match(entry, new RegExp(`^island-${name}-`));
      // the island map loads each island's own entry chunk on demand…
      assert.ok(client.includes(`${name}: () => import("./${entry}")`), `${name} is mapped`);
      // …never as part of the client's static closure (code splitting kept)
      assert.ok(!m.client.includes(entry), `${name} is not loaded with the client`);
    }
  } finally {
    await esbuild.stop();
    await Deno.remove(outdir, { recursive: true });
  }
});
