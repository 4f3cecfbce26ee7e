import assert from "node:assert/strict";
import type { TrackRecordReport } from "@trading/shared/schemas";
import { testCoreApp } from "../../tests/helpers/core_app.ts";
import { MarketRepository } from "../market_data/repository.ts";
import { WALK_MIN_BARS } from "./rules_walk.ts";
import { AiStore } from "./store.ts";
import { TrackRecordService } from "./track_record_service.ts";

/** The report without the time it was computed at and how long that took. */
const figures = ({ computed_at: _, compute_ms: __, ...rest }: TrackRecordReport) => rest;

Deno.test("TrackRecordService - covers the universe's symbols; loading another symbol changes nothing", async () => {
  const { deps } = await testCoreApp();
  try {
    const market = new MarketRepository(deps.db);
    const universe = (await market.listSymbols()).map((s) => s.symbol).sort();
    const store = new AiStore(deps.db, Date.now);
    const track = new TrackRecordService(deps, store, { checkEveryMs: 0 });
    const before = await track.book();
    assert.deepEqual(before.report.universe, universe);
    // the universe's symbols with more bars than the walk needs (the LEAN histories)
    const long: string[] = [];
    for (const s of universe) {
      if ((await deps.series.get(s)).dates.length > WALK_MIN_BARS) long.push(s);
    }
    assert.ok(long.length >= 4, long.join());
    assert.deepEqual(before.report.symbols, long);
    assert.deepEqual([...new Set(before.report.by_symbol.map((g) => g.symbol))].sort(), long);
    assert.ok(before.report.period_from! < before.report.period_to!);

    // SPX, the old stand-in of the S&P 500, is loaded on first use (a chart, a backtest)
    assert.ok(await deps.series.ensure(["SPX"]));
    assert.ok((await deps.series.get("SPX")).dates.length > WALK_MIN_BARS, "long enough to walk");
    assert.ok(!(await market.listSymbols()).some((s) => s.symbol === "SPX"), "not in the universe");

    // (compared by identity and as JSON: a failing deepEqual of whole books diffs for minutes)
    const again = await track.book();
    assert.deepEqual(again.report.symbols, before.report.symbols);
    assert.ok(again === before, "the loaded symbol does not make a new record");
    const fresh = await new TrackRecordService(deps, store, { checkEveryMs: 0 }).book();
    assert.deepEqual(fresh.report.symbols, before.report.symbols, "computed afresh: SPX not in");
    assert.ok(!fresh.report.by_symbol.some((g) => g.symbol === "SPX"));
    assert.ok(JSON.stringify(figures(fresh.report)) === JSON.stringify(figures(before.report)));
  } finally {
    await deps.db.close();
  }
});
