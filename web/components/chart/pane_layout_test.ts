import assert from "node:assert/strict";
import { INDICATOR_PANE_PX, paneLayout, VOLUME_PANE_PX } from "./pane_layout.ts";

Deno.test("paneLayout() - panes keep their minimum height and the chart grows with them", () => {
  const none = paneLayout(0, 900), two = paneLayout(2, 900);
  assert.equal(two.total, none.total + 2 * INDICATOR_PANE_PX);
  assert.deepEqual(two.heights.slice(0, 2), none.heights);
  assert.ok(two.heights.every((h) => h >= VOLUME_PANE_PX));
  // a phone (390×844): the chart is at least 55% of the screen
  assert.ok(paneLayout(0, 844).total >= 0.55 * 844);
  assert.equal(paneLayout(0, 300).heights[0], 280); // never below the minimum
});
