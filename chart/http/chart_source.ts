/**
 * Pulls what a chart needs from core (candles, then indicators, patterns and signals in
 * parallel) and turns it into {@link ChartData}. Optional parts that core cannot give degrade
 * to a warning drawn on the chart; candles must come or the request fails (404 passed on).
 *
 * @module
 */
import type { ChartMarker, ChartSpec } from "@trading/shared/schemas";
import { UpstreamError } from "@trading/shared/errors";
import type { ChartData } from "../render/chart_data.ts";
import type { CoreClient } from "./core_client.ts";
import {
  CandlesWireSchema,
  IndicatorsWireSchema,
  PatternsWireSchema,
  SignalsWireSchema,
} from "./core_wire.ts";
import { indicatorItems, mapIndicators } from "./indicator_query.ts";

/** Chart data with a version that changes whenever any part of it changes. */
export interface SourcedData {
  /** What to draw. */
  data: ChartData;
  /** Hash of core's answers. */
  version: string;
}

/** Hex SHA-1 of `text` (first 16 chars): the data version. */
export async function hashText(text: string): Promise<string> {
  const d = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(d).slice(0, 8), (b) => b.toString(16).padStart(2, "0")).join("");
}

function range(spec: Pick<ChartSpec, "from" | "to" | "interval">): string {
  const q = new URLSearchParams();
  if (spec.from) q.set("from", spec.from);
  if (spec.to) q.set("to", spec.to);
  if (spec.interval !== "1d") q.set("interval", spec.interval);
  return q.size ? `?${q}` : "";
}

/** Fetches candles and the requested analysis for `spec` from core. */
export async function fetchChartData(
  core: CoreClient,
  spec: ChartSpec,
  { requestId }: { requestId?: string } = {},
): Promise<SourcedData> {
  const sym = encodeURIComponent(spec.symbol);
  const r = range(spec);
  const o = requestId ? { requestId } : {};
  const items = indicatorItems(spec);
  const wants = new Set(spec.overlays.map((x) => x.type));
  const needPatterns = wants.has("patterns") || wants.has("levels");
  const join = (q: string, extra: string) => (q ? `${q}&${extra}` : `?${extra}`);
  const [candlesA, indA, patA, sigA] = await Promise.all([
    core.getRequired(`/api/symbols/${sym}/candles${join(r, "limit=10000")}`, o),
    items.length
      ? core.getOptional(
        `/api/symbols/${sym}/indicators${join(r, `names=${items.map((i) => i.name).join(",")}`)}`,
        o,
      )
      : null,
    needPatterns ? core.getOptional(`/api/symbols/${sym}/patterns${r}`, o) : null,
    wants.has("signals") ? core.getOptional(`/api/symbols/${sym}/signals${r}`, o) : null,
  ]);
  const parsed = CandlesWireSchema.safeParse(candlesA.json);
  if (!parsed.success) throw new UpstreamError("Core answered candles in an unexpected shape");
  const candles = parsed.data.candles;
  const dates = candles.map((c) => c.date);
  const warnings: string[] = [];
  let series: ChartData["series"] = {};
  const texts = [candlesA.text];
  if (indA) {
    const w = indA.ok ? IndicatorsWireSchema.safeParse(indA.answer.json) : null;
    if (w?.success) {
      const m = mapIndicators(items, w.data, dates);
      series = m.series;
      if (m.missing.length) warnings.push(`core did not provide ${m.missing.join(", ")}`);
      texts.push(indA.ok ? indA.answer.text : "");
    } else {
      warnings.push(
        `indicators unavailable from core (${indA.ok ? "unexpected answer" : indA.reason})`,
      );
    }
  }
  let patterns: ChartData["patterns"] = [];
  let levels: ChartData["levels"] = [];
  if (patA) {
    const w = patA.ok ? PatternsWireSchema.safeParse(patA.answer.json) : null;
    if (w?.success) {
      patterns = wants.has("patterns") ? w.data.patterns : [];
      levels = wants.has("levels") ? w.data.levels : [];
      texts.push(patA.ok ? patA.answer.text : "");
    } else {
      warnings.push(
        `patterns unavailable from core (${patA.ok ? "unexpected answer" : patA.reason})`,
      );
    }
  }
  let markers: ChartMarker[] = [];
  if (sigA) {
    const w = sigA.ok ? SignalsWireSchema.safeParse(sigA.answer.json) : null;
    if (w?.success) {
      markers = w.data.signals.map((s) => ({
        date: s.date,
        type: s.type,
        ...(s.name ? { name: s.name } : {}),
      }));
      texts.push(sigA.ok ? sigA.answer.text : "");
    } else {
      warnings.push(
        `signals unavailable from core (${sigA.ok ? "unexpected answer" : sigA.reason})`,
      );
    }
  }
  texts.push(warnings.join("|"));
  return {
    data: { candles, series, patterns, levels, markers, warnings },
    version: await hashText(texts.join("\u0000")),
  };
}
