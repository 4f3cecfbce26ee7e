import assert from "node:assert/strict";
import { contrast, heatCell, luminance, textOn, viridis } from "./heat_palette.ts";

Deno.test("heat palette - every cell's text passes WCAG AA (4.5:1) on its background", () => {
  let worst = Infinity;
  for (let i = 0; i <= 1000; i++) {
    const bg = viridis(i / 1000);
    worst = Math.min(worst, contrast(bg, textOn(bg)));
  }
  assert.ok(worst >= 4.5, `lowest contrast ${worst.toFixed(2)}`);
});

Deno.test("heat palette - lightness rises monotonically from worst to best (readable in grey)", () => {
  let prev = -1;
  for (let i = 0; i <= 100; i++) {
    const l = luminance(viridis(i / 100));
    assert.ok(l > prev, `luminance falls at ${i / 100}`);
    prev = l;
  }
});

Deno.test("heat palette - contrast() matches WCAG's reference values", () => {
  assert.equal(contrast([0, 0, 0], [255, 255, 255]), 21);
  assert.equal(contrast([119, 119, 119], [255, 255, 255]).toFixed(2), "4.48");
});

Deno.test("heatCell() - ends of the range, a flat range and an empty cell", () => {
  assert.deepEqual(heatCell(0, 0, 2), { background: "rgb(68 1 84)", color: "rgb(255 255 255)" });
  assert.deepEqual(heatCell(2, 0, 2), { background: "rgb(253 231 37)", color: "rgb(0 0 0)" });
  assert.equal(heatCell(1, 1, 1)?.background, "rgb(33 145 140)");
  assert.equal(heatCell(null, 0, 1), null);
});
