/**
 * A stand-in for core on 127.0.0.1 for chart's HTTP tests: candles are the real bundled bars;
 * indicators are derived from them; each analysis endpoint can be switched to a route-level 404
 * (as before core implements it) or to never answering.
 *
 * @module
 */
import { derivedSeries, realCandles } from "../render/fixtures.ts";
import { pivotPattern } from "../render/test_data.ts";

/** How an endpoint behaves. */
export type Mode = "ok" | "missing" | "hang" | "error";

/** A running stub. */
export interface StubCore {
  /** Base URL. */
  url: string;
  /** Requests seen, by path. */
  hits: string[];
  /** Behaviour per endpoint (mutable). */
  modes: { candles: Mode; indicators: Mode; patterns: Mode; signals: Mode };
  /** Stops the server and releases hanging requests. */
  close(): Promise<void>;
}

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/** Starts the stub on a free port. */
export function startStubCore(): StubCore {
  const all = realCandles("AAPL");
  const series = derivedSeries(all);
  const release = Promise.withResolvers<void>();
  const hits: string[] = [];
  const modes: StubCore["modes"] = {
    candles: "ok",
    indicators: "ok",
    patterns: "ok",
    signals: "missing",
  };
  const routeMissing = (path: string) =>
    json({ error: { code: "not_found", message: `No route for GET ${path}` } }, 404);
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const u = new URL(req.url);
    hits.push(u.pathname);
    if (u.pathname === "/health/live") return json({ status: "alive" });
    const m = /^\/api\/symbols\/([^/]+)\/(candles|indicators|patterns|signals)$/.exec(u.pathname);
    if (!m) return routeMissing(u.pathname);
    const [, sym, what] = m as unknown as [string, string, keyof StubCore["modes"]];
    const mode = modes[what];
    if (mode === "missing") return routeMissing(u.pathname);
    if (mode === "hang") {
      await release.promise;
      return json({ error: { code: "gone", message: "released" } }, 503);
    }
    if (mode === "error") return json({ error: { code: "internal_error", message: "boom" } }, 500);
    if (sym !== "AAPL") {
      return json({
        error: {
          code: "not_found",
          message: `Unknown symbol ${sym}; load it with deno task import`,
        },
      }, 404);
    }
    const from = u.searchParams.get("from") ?? "0000";
    const to = u.searchParams.get("to") ?? "9999";
    const idx = all.map((c, i) => [c, i] as const).filter(([c]) => c.date >= from && c.date <= to)
      .map(([, i]) => i);
    const candles = idx.map((i) => all[i]!);
    if (what === "candles") {
      return json({ symbol: sym, interval: "1d", count: candles.length, candles });
    }
    if (what === "indicators") {
      const pick = (k: string) => idx.map((i) => series[k]![i] ?? null);
      return json({
        symbol: sym,
        dates: candles.map((c) => c.date),
        series: {
          sma: pick("sma20"),
          upper: pick("bb.upper"),
          middle: pick("bb.middle"),
          lower: pick("bb.lower"),
          rsi: pick("rsi"),
          macd: pick("macd.macd"),
          signal: pick("macd.signal"),
          histogram: pick("macd.histogram"),
        },
        indicators: [
          { name: "sma", params: { period: 20 }, outputs: ["sma"] },
          {
            name: "bollinger",
            params: { period: 20, k: 2 },
            outputs: ["upper", "middle", "lower"],
          },
          { name: "rsi", params: { period: 14 }, outputs: ["rsi"] },
          {
            name: "macd",
            params: { fast: 12, slow: 26, signal: 9 },
            outputs: ["macd", "signal", "histogram"],
          },
        ],
      });
    }
    if (what === "patterns") {
      const n = candles.length;
      return json({
        patterns: n > 70 ? [pivotPattern(candles, n - 60, n - 45, n - 25)] : [],
        candlesticks: [],
        levels: [{ price: candles[n - 1]!.low, kind: "support", touches: 2 }],
      });
    }
    return json({
      signals: [{ date: candles[0]!.date, type: "buy", name: "test", reason: "", strength: 1 }],
    });
  });
  return {
    url: `http://127.0.0.1:${server.addr.port}`,
    hits,
    modes,
    close: async () => {
      release.resolve();
      await server.shutdown();
    },
  };
}
