import assert from "node:assert/strict";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { fixture, startFixtureServer } from "../../tests/helpers/fixture_server.ts";
import { YahooProvider } from "../providers/yahoo.ts";
import { refreshSymbol } from "./refresh.ts";
import { SymbolLocks } from "./symbol_locks.ts";

const SPLIT = "2021-07-20"; // NVDA 4:1
const noWait = { sleep: () => Promise.resolve(), random: () => 0, retries: 0, timeoutMs: 5000 };

/** The recorded NVDA year; "old" = before the split only, at pre-split prices, no events. */
function nvda(variant: "old" | "full"): string {
  const doc = JSON.parse(fixture("yahoo/chart_NVDA_2021-02-01_2022-01-31_split.json"));
  if (variant === "full") return JSON.stringify(doc);
  const r = doc.chart.result[0];
  const keep = r.timestamp.map((t: number) => new Date(t * 1000).toISOString() < "2021-07-01");
  const n = keep.filter(Boolean).length;
  r.timestamp = r.timestamp.slice(0, n);
  const q = r.indicators.quote[0];
  for (const k of ["open", "high", "low", "close"]) {
    q[k] = q[k].slice(0, n).map((x: number) => x * 4);
  }
  q.volume = q.volume.slice(0, n);
  r.events = {};
  return JSON.stringify(doc);
}

for (
  const [label, twoInstances] of [["two instances (own locks)", true], [
    "one process",
    false,
  ]] as const
) {
  Deno.test(`refreshSymbol() - two concurrent refreshes apply a split once: ${label}`, async () => {
    let variant: "old" | "full" = "old";
    let waiting: (() => void)[] = [];
    const srv = startFixtureServer(async () => {
      if (variant === "full") {
        // hold the first answer until the second request arrived: both read the same stored state
        // (or 300 ms: within one process the second refresh waits for the first's lock)
        await new Promise<void>((r) => {
          waiting.push(r);
          if (waiting.length === 2) waiting.forEach((w) => w());
          setTimeout(r, 300);
        });
      }
      return new Response(nvda(variant), { headers: { "content-type": "application/json" } });
    });
    const { deps } = await testCoreApp({ MARKET_DATA: "online", SEED_DATA: "none" });
    deps.providers = { yahoo: new YahooProvider(srv.url, noWait) };
    deps.now = () => Date.parse("2022-01-31T22:00:00Z");
    const range = { from: "2021-02-01", to: "2022-01-31" };
    try {
      assert.equal((await refreshSymbol(deps, "NVDA", range)).status, "applied");
      const pre = (await deps.series.get("NVDA", { adjust: "none" })).close[0]!;
      variant = "full";
      waiting = [];
      const instance = () => twoInstances ? { ...deps, locks: new SymbolLocks() } : deps;
      const both = await Promise.all([
        refreshSymbol(instance(), "NVDA", range),
        refreshSymbol(instance(), "NVDA", range),
      ]);
      assert.ok(both.some((r) => r.status === "applied"));
      const full = JSON.parse(nvda("full")).chart.result[0].indicators.quote[0].close[0];
      const stored = await deps.series.get("NVDA", { adjust: "split" });
      assert.ok(
        Math.abs(stored.close[0]! - full) < 1e-3,
        `first close ${stored.close[0]} must equal the split-adjusted ${full} (pre-split ${pre})`,
      );
      assert.deepEqual((await deps.series.actions("NVDA")).splits, [{ date: SPLIT, ratio: 4 }]);
    } finally {
      await deps.db.close();
      await srv.close();
    }
  });
}
