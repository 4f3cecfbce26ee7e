import assert from "node:assert/strict";
import { parseHTML } from "linkedom";
import { ChartSpecSchema } from "@trading/shared/schemas";
import { chartPng, chartSvg } from "./chart.ts";
import { DARK, LIGHT } from "../themes/theme.ts";
import { decodePng } from "./png_decode.ts";
import { aaplData } from "./test_data.ts";

const HEADER = 40; // the price pane's nested <svg> starts at y=40

function hex(c: string): number[] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
}

/** Centre of the tallest body of a side, read from the SVG (absolute chart coordinates). */
function tallestBody(svg: string, side: "up" | "down"): { x: number; y: number } {
  const doc = parseHTML(`<html><body>${svg}</body></html>`).document;
  const d = doc.querySelector(`path.candle-bodies.${side}`)!.getAttribute("d")!;
  let best = { x: 0, y: 0, h: 0 };
  for (const m of d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)/g)) {
    const [x, y, w, h] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    if (h > best.h) best = { x: x + w / 2, y: HEADER + y + h / 2, h };
  }
  assert.ok(best.h > 6, `a ${side} body tall enough to sample`);
  return best;
}

function pixel(img: ReturnType<typeof decodePng>, x: number, y: number): number[] {
  const i = (Math.round(y) * img.width + Math.round(x)) * 4;
  return Array.from(img.rgba.subarray(i, i + 3));
}

function near(a: number[], b: number[], tol = 8): boolean {
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}

for (const theme of [DARK, LIGHT]) {
  Deno.test(`chartPng() paints up and down candles in their ${theme.name} colours at 1× and 2×`, () => {
    const spec = ChartSpecSchema.parse({ symbol: "AAPL", theme: theme.name, panes: [] });
    const data = aaplData(120);
    const svg = chartSvg(spec, data).svg;
    const up = tallestBody(svg, "up");
    const down = tallestBody(svg, "down");
    for (const scale of [1, 2]) {
      const img = decodePng(chartPng(spec, data, scale).png);
      assert.deepEqual([img.width, img.height], [1000 * scale, 600 * scale]);
      assert.ok(
        near(pixel(img, up.x * scale, up.y * scale), hex(theme.up)),
        `up ${pixel(img, up.x * scale, up.y * scale)}`,
      );
      assert.ok(
        near(pixel(img, down.x * scale, down.y * scale), hex(theme.down)),
        `down at ${scale}×`,
      );
      assert.ok(near(pixel(img, 500 * scale, 5 * scale), hex(theme.background)), "background");
    }
  });
}

Deno.test("chartPng() draws the text: the title area has inked pixels, an empty strip has none", () => {
  const spec = ChartSpecSchema.parse({ symbol: "AAPL", panes: [] });
  const img = decodePng(chartPng(spec, aaplData(120)).png);
  const bg = hex(DARK.background);
  let inkedTitle = 0;
  for (let y = 4; y < 20; y++) {
    for (let x = 12; x < 60; x++) if (!near(pixel(img, x, y), bg, 20)) inkedTitle++;
  }
  let inkedGap = 0;
  for (let y = 0; y < 3; y++) {
    for (let x = 0; x < 1000; x++) if (!near(pixel(img, x, y), bg, 20)) inkedGap++;
  }
  assert.ok(inkedTitle > 40, `title pixels ${inkedTitle}`);
  assert.equal(inkedGap, 0);
});
