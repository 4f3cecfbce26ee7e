import assert from "node:assert/strict";
import type { RatedCall } from "./baselines.ts";
import { trackReport } from "./track_record.ts";
import { trackText } from "./track_text.ts";

Deno.test("trackText() - prints every baseline with its interval and verdict, and the calibration", () => {
  const rated: RatedCall[] = Array.from({ length: 40 }, (_, i) => ({
    entry: {
      symbol: "X",
      data_date: `20${10 + (i % 4)}-03-01`,
      source: "rules",
      model: "rules",
      prompt_version: "rules-v1",
      stance: i % 2 ? "BUY" : "SELL",
      confidence: 0.55 + (i % 3) / 10,
      entry: 100,
      target: i % 2 ? 104 : 96,
      stop: i % 2 ? 96 : 104,
      horizon_days: 20,
    },
    outcome: i % 5 < 2 ? "target" : "stopped",
    exit_date: `20${10 + (i % 4)}-04-01`,
    return: i % 5 < 2 ? 0.04 : -0.04,
    hit: i % 5 < 2,
    pAnalytic: 0.5,
    randomDate: Uint8Array.from({ length: 50 }, (_, k) => ((k + i) % 2)),
    randomSide: Uint8Array.from({ length: 50 }, (_, k) => ((k + i) % 2)),
    buyHold: 0.01,
  }));
  const text = trackText(trackReport(rated, {
    universe: ["AAPL", "MSFT", "SPY"],
    symbols: ["AAPL", "SPY"],
    dataVersion: "v",
    computedAt: "t",
    computeMs: 1,
    everyBars: 20,
    draws: 50,
    seed: 1,
  }, { resamples: 300 }));
  assert.match(
    text,
    /^Covers 2 of the universe's 3 symbols \(AAPL, SPY; no scored calls: MSFT\), calls from 2010-03-01, outcomes decided by 2013-04-01\.\n/,
  );
  assert.match(
    text,
    /rules rules-v1 BUY\+SELL: 40 scored \(2010-03-01..2013-04-01\), hit rate 40.0% \(95% 26.3%–55.4%\)/,
  );
  assert.match(
    text,
    /vs S\/\(S\+T\), target-first rate of calls that reached a level: 40 calls, baseline rate 50.0%, difference -10.0 pp \[[^\]]+\]: (no measurable edge|BELOW)/,
  );
  assert.match(
    text,
    /vs random dates \(same side, distances, horizon\): 40 calls, baseline rate 50.0% \(draws' 95% band/,
  );
  assert.match(text, /vs buy-and-hold over the same horizons: 40 calls, baseline mean return 1.0%/);
  assert.match(
    text,
    /calibration rules rules-v1 directional: 40 scored, Brier stated 0\.\d{3} \(baseline 0.250\); walk-forward out of sample from 2011/,
  );
  assert.match(
    text,
    /rules vs LLM: not yet — an analyst needs 30 scored BUY\/SELL calls \(rules rules-v1: 40\)/,
  );
});
