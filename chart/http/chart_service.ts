/**
 * Renders charts for the HTTP routes with two caches: core's answers per (symbol, range, parts)
 * for a short TTL, and rendered images keyed by spec + data version, bounded in bytes.
 *
 * @module
 */
import type { ChartSpec } from "@trading/shared/schemas";
import { DomainError } from "@trading/shared/errors";
import type { Logger } from "@trading/shared/log";
import { chartPng, chartSvg } from "../render/chart.ts";
import { serializeSvg } from "../render/dom.ts";
import { svgToPng } from "../render/png.ts";
import { Lru } from "@trading/shared/lru";
import { fetchChartData, hashText, type SourcedData } from "./chart_source.ts";
import type { CoreClient } from "./core_client.ts";

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
}

/** The one place that renders, caches and logs render failures. */
export class ChartService {
  readonly images: Lru<Rendered>;
  readonly #data: Lru<SourcedData>;
  readonly #core: CoreClient;
  readonly #logger: Logger;
  readonly #ttl: number;

  /** @param o core client, logger and cache settings */
  constructor(o: ChartServiceOptions) {
    this.#core = o.core;
    this.#logger = o.logger;
    this.#ttl = o.dataTtlMs ?? 30_000;
    this.images = new Lru({ maxEntries: 100_000, maxSize: o.cacheBytes ?? 64 * 1024 * 1024 });
    this.#data = new Lru({ maxEntries: 100_000, maxSize: 16 * 1024 * 1024 });
  }

  /** Core's data for `spec`, reused for the TTL. */
  async data(spec: ChartSpec, requestId?: string): Promise<SourcedData> {
    const key = JSON.stringify([spec.symbol, spec.from, spec.to, spec.overlays, spec.panes]);
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
    return this.cached(
      JSON.stringify([spec, format, scale, version]),
      format,
      spec,
      requestId,
      () => format === "png" ? chartPng(spec, data, scale) : chartSvg(spec, data),
    );
  }

  /**
   * Returns the cached image for `key` or renders it with `build`. Non-domain errors are
   * logged with the spec and rethrown without detail (the client sees a 500 with a request id).
   */
  async cached(
    key: string,
    format: "svg" | "png",
    spec: unknown,
    requestId: string | undefined,
    build: () => { svg?: string; png?: Uint8Array; warnings: string[] },
  ): Promise<Rendered> {
    const hit = this.images.get(key);
    if (hit) return { ...hit, cached: true };
    let out;
    try {
      out = build();
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
    return this.cached(key, format, spec, requestId, () => {
      const root = build();
      return format === "png"
        ? { png: svgToPng(root, { scale }), warnings: [] }
        : { svg: serializeSvg(root), warnings: [] };
    });
  }
}
