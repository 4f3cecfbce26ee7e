/**
 * The chart service's self-check: it can draw text and rasterise (fonts + resvg), and core
 * answers its liveness probe.
 *
 * @module
 */
import type { Logger } from "@trading/shared/log";
import { el } from "../render/dom.ts";
import { svgToPixels } from "../render/png.ts";

/** Result of one check. */
export interface Check {
  /** Passed. */
  ok: boolean;
  /** What was seen. */
  detail: string;
}

/** Renders a word to pixels and checks some pixels were inked. */
export function renderCheck(): Check {
  try {
    const root = el("svg", { width: 60, height: 20, "font-size": 14 });
    root.append(el("text", { x: 2, y: 15, fill: "#000" }, "ok 0.9"));
    const { pixels } = svgToPixels(root);
    let inked = 0;
    for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) inked++;
    return inked > 10
      ? { ok: true, detail: `rendered text to PNG (${inked} pixels inked)` }
      : { ok: false, detail: "rendered an empty image" };
  } catch (e) {
    return { ok: false, detail: `render failed: ${(e as Error).message}` };
  }
}

/**
 * Calls core's liveness probe with a short timeout. The public detail never names core's
 * address or the network cause; `logger` gets them.
 */
export async function coreCheck(
  f: typeof fetch,
  baseUrl: string,
  { timeoutMs = 2000, logger }: { timeoutMs?: number; logger?: Logger } = {},
): Promise<Check> {
  try {
    const r = await f(`${baseUrl}/health/live`, { signal: AbortSignal.timeout(timeoutMs) });
    await r.body?.cancel();
    return { ok: r.ok, detail: `core answered ${r.status}` };
  } catch (e) {
    logger?.warn("core unreachable", {
      url: `${baseUrl}/health/live`,
      error: (e as Error).message,
    });
    const timeout = (e as Error).name === "TimeoutError";
    return { ok: false, detail: timeout ? "core did not answer in time" : "core unreachable" };
  }
}
