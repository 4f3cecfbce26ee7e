/**
 * Renders charts for the HTTP routes with two caches: core's answers per (symbol, range, parts)
 * for a short TTL, and rendered images keyed by spec + data version, bounded in bytes. Every
 * cache miss goes through a {@link RenderGate} (a few renders at once, a short queue, 503
 * beyond), and PNG rasterisation runs off the JavaScript thread.
 *
 * @module
 */
import type { ChartSpec } from "@trading/shared/schemas";
import { DomainError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import { buildChart } from "../render/chart.ts";
import type { ChartData } from "../render/chart_data.ts";
import { serializeSvg } from "../render/dom.ts";
import { type Rasterise, rasteriseSvg, svgForPng } from "../render/png.ts";
import { Lru } from "@trading/shared/lru";
import { fetchChartData, hashText, type SourcedData } from "./chart_source.ts";
import type { CoreClient } from "./core_client.ts";
import { RenderGate } from "./render_gate.ts";

/** A rendered image ready to send. */
export interface Rendered {
  /** SVG text or PNG bytes. */
  body: string | Uint8Array;
  /** Content type. */
  type: "image/svg+xml; charset=utf-8" | "image/png";
  /** Strong ETag (quoted). */
  etag: string;
  /** Notes drawn on the chart. */
  warnings: string[];
  /** Whether it came from the cache. */
  cached: boolean;
}

/** Options of {@link ChartService}. */
export interface ChartServiceOptions {
  /** Core client. */
  core: CoreClient;
  /** Logger for render failures. */
  logger: Logger;
  /** Image cache bound (default 64 MiB). */
  cacheBytes?: number;
  /** How long core's answers are reused (default 30 s). */
  dataTtlMs?: number;
  /** Bounds renders in progress (default: 2 at once, 8 waiting). */
  gate?: RenderGate;
  /** SVG text → PNG bytes (default resvg on its worker thread; injectable for tests). */
  rasterise?: Rasterise;
}

/** What a render produces before it is cached. */
interface Drawn {
  svg?: string;
  png?: Uint8Array;
  warnings: string[];
}

/** The one place that renders, caches and logs render failures. */
export class ChartService {
  readonly images: Lru<Rendered>;
  readonly #data: Lru<SourcedData>;
  readonly #core: CoreClient;
  readonly #logger: Logger;
  readonly #ttl: number;
  readonly #rasterise: Rasterise;
  readonly #inflight = new Map<string, Promise<Rendered>>();
  /** The render slots and queue. */
  readonly gate: RenderGate;

  /** @param o core client, logger, cache settings, render gate and rasteriser */
  constructor(o: ChartServiceOptions) {
    this.#core = o.core;
    this.gate = o.gate ?? new RenderGate();
    this.#rasterise = o.rasterise ?? rasteriseSvg;
    this.#logger = o.logger;
    this.#ttl = o.dataTtlMs ?? 30_000;
    this.images = new Lru({ maxEntries: 100_000, maxSize: o.cacheBytes ?? 64 * 1024 * 1024 });
    this.#data = new Lru({ maxEntries: 100_000, maxSize: 16 * 1024 * 1024 });
  }

  /** Core's data for `spec`, reused for the TTL. */
  async data(spec: ChartSpec, requestId?: string): Promise<SourcedData> {
    const key = JSON.stringify([
      spec.symbol,
      spec.interval,
      spec.from,
      spec.to,
      spec.overlays,
      spec.panes,
    ]);
    const hit = this.#data.get(key);
    if (hit) return hit;
    const fresh = await fetchChartData(this.#core, spec, requestId ? { requestId } : {});
    this.#data.set(key, fresh, { size: fresh.data.candles.length * 120 + 1024, ttlMs: this.#ttl });
    return fresh;
  }

  /** The chart of `spec` for a symbol, from core's data. */
  async symbolChart(
    spec: ChartSpec,
    format: "svg" | "png",
    scale: number,
    requestId?: string,
  ): Promise<Rendered> {
    const { data, version } = await this.data(spec, requestId);
    return this.chart(
      JSON.stringify([spec, format, scale, version]),
      format,
      scale,
      spec,
      data,
      requestId,
    );
  }

  /** The chart of `spec` over `data`, cached under `key`. */
  chart(
    key: string,
    format: "svg" | "png",
    scale: number,
    spec: ChartSpec,
    data: ChartData,
    requestId?: string,
  ): Promise<Rendered> {
    return this.cached(key, format, spec, requestId, () => {
      const { root, warnings } = buildChart(spec, data);
      return this.#draw(root, format, scale, warnings);
    });
  }

  /**
   * Returns the cached image for `key` or renders it with `build` once the gate lets it in
   * (a full gate throws `RenderBusyError`, a 503). Identical requests arriving while it renders
   * share that one render. Non-domain errors are logged with the spec and rethrown without
   * detail (the client sees a 500 with a request id).
   */
  async cached(
    key: string,
    format: "svg" | "png",
    spec: unknown,
    requestId: string | undefined,
    build: () => Drawn | Promise<Drawn>,
  ): Promise<Rendered> {
    const hit = this.images.get(key);
    if (hit) return { ...hit, cached: true };
    const pending = this.#inflight.get(key);
    if (pending) return { ...(await pending), cached: true };
    const render = this.#render(key, format, spec, requestId, build);
    this.#inflight.set(key, render);
    try {
      return await render;
    } finally {
      this.#inflight.delete(key);
    }
  }

  async #render(
    key: string,
    format: "svg" | "png",
    spec: unknown,
    requestId: string | undefined,
    build: () => Drawn | Promise<Drawn>,
  ): Promise<Rendered> {
    let out;
    try {
      out = await this.gate.run(build);
    } catch (e) {
      if (e instanceof DomainError) throw e;
      this.#logger.error("render failed", {
        request_id: requestId,
        spec,
        error: e instanceof Error ? `${e.name}: ${e.message}` : String(e),
      });
      throw new Error("render failed");
    }
    const body = format === "png" ? out.png! : out.svg!;
    const r: Rendered = {
      body,
      type: format === "png" ? "image/png" : "image/svg+xml; charset=utf-8",
      etag: `"${await hashText(key)}"`,
      warnings: out.warnings,
      cached: false,
    };
    this.images.set(key, r, { size: typeof body === "string" ? body.length * 2 : body.byteLength });
    return r;
  }

  /** Renders a standalone tree (equity, heat-map, sparkline) cached under `key`. */
  tree(
    key: string,
    format: "svg" | "png",
    scale: number,
    spec: unknown,
    requestId: string | undefined,
    build: () => Element,
  ) {
    return this.cached(key, format, spec, requestId, () => this.#draw(build(), format, scale, []));
  }

  async #draw(
    root: Element,
    format: "svg" | "png",
    scale: number,
    warnings: string[],
  ): Promise<Drawn> {
    if (format === "svg") return { svg: serializeSvg(root), warnings };
    return { png: await this.#rasterise(svgForPng(root), scale), warnings };
  }
}
