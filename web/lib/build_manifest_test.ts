import assert from "node:assert/strict";
import { isPartialWrite, loadBuild } from "./build_manifest.ts";

Deno.test("loadBuild skips files a concurrent build is still writing", async () => {
  // CI failed once: a web server started while another process was building read the
  // directory listing, then found `chunk-….js.tmp-<pid>-<n>` already renamed away.
  const dir = await Deno.makeTempDir();
  try {
    const manifest = { client: ["client-A.js"], css: "app-B.css", islands: {} };
    await Deno.writeTextFile(`${dir}/manifest.json`, JSON.stringify(manifest));
    await Deno.writeTextFile(`${dir}/client-A.js`, "export {}");
    await Deno.writeTextFile(`${dir}/chunk-C.js.tmp-15863-8`, "half");
    const build = await loadBuild(`${dir}/`);
    assert.ok(build);
    assert.deepEqual([...build.files.keys()], ["client-A.js"]);
    assert.deepEqual(build.manifest, manifest);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("isPartialWrite recognises only the build's temporary names", () => {
  assert.equal(isPartialWrite("chunk-5AX7DVWH.js.tmp-15863-8"), true);
  assert.equal(isPartialWrite("chunk-5AX7DVWH.js"), false);
  assert.equal(isPartialWrite("tmp-1-2.js"), false);
});

Deno.test("loadBuild answers null when there is no build", async () => {
  const dir = await Deno.makeTempDir();
  try {
    assert.equal(await loadBuild(`${dir}/`), null);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
