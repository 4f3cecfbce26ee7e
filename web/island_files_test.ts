import assert from "node:assert/strict";
import { islandMapSource, islandNamesIn, ISLANDS_DIR, readIslandNames } from "./island_files.ts";

Deno.test("islandNamesIn() - capitalised .tsx files are islands, sorted; tests and helpers are not", () => {
  assert.deepEqual(
    islandNamesIn(["Watchlist.tsx", "AiPanel.tsx", "Watchlist_test.tsx", "_bt_x.tsx", "h.ts"]),
    ["AiPanel", "Watchlist"],
  );
});

Deno.test("web/islands/ holds only island entry files", () => {
  const files = [...Deno.readDirSync(ISLANDS_DIR)].map((e) => e.name).sort();
  assert.deepEqual(files, readIslandNames().map((n) => `${n}.tsx`));
  assert.ok(readIslandNames().includes("Screener"));
});

Deno.test("islandMapSource() - one lazy import per island, and nothing but island names", () => {
  assert.equal(
    islandMapSource(["AiPanel", "Screener"]),
    "export const ISLAND_LOADERS = {\n" +
      '  AiPanel: () => import("../islands/AiPanel.tsx"),\n' +
      '  Screener: () => import("../islands/Screener.tsx"),\n' +
      "};\n",
  );
  assert.throws(() => islandMapSource(["../x"]), /not an island name/);
});
