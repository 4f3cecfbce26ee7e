import assert from "node:assert/strict";
import fc from "fast-check";
import { parseOhlcvCsv } from "../market_data/csv.ts";
import type { Bar } from "../market_data/bar.ts";
import { firstBars, seriesFromBars } from "../market_data/series.ts";
import { aggregateCalendar, completeBarCount, type TimeframeSeries } from "./aggregate.ts";
import { calendarView } from "./cache.ts";

const RUNS = { seed: 1717, numRuns: 200 };

/** Rows of one aggregated bar, for comparisons. */
function row(s: TimeframeSeries, i: number) {
  return {
    date: s.dates[i],
    open: s.open[i],
    high: s.high[i],
    low: s.low[i],
    close: s.close[i],
    volume: s.volume[i],
  };
}

/** Daily bars on ascending calendar days 1–6 days apart from 1999-12-27, valid OHLC. */
const dailyArb = fc.array(
  fc.record({
    gap: fc.integer({ min: 1, max: 6 }),
    c: fc.double({ min: 1, max: 500, noNaN: true }),
    o: fc.double({ min: 1, max: 500, noNaN: true }),
    up: fc.double({ min: 0, max: 5, noNaN: true }),
    down: fc.double({ min: 0, max: 5, noNaN: true }),
    v: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  { minLength: 1, maxLength: 120 },
).map((rows) => {
  let t = Date.UTC(1999, 11, 27);
  return rows.map((r): Bar => {
    t += r.gap * 86_400_000;
    return {
      date: new Date(t).toISOString().slice(0, 10),
      open: r.o,
      high: Math.max(r.o, r.c) + r.up,
      low: Math.max(0.01, Math.min(r.o, r.c) - r.down),
      close: r.c,
      volume: r.v,
    };
  });
});

for (const interval of ["1w", "1mo"] as const) {
  Deno.test(`aggregateCalendar(${interval}) - aggregating any prefix gives the prefix of the aggregation (no look-ahead)`, () => {
    fc.assert(
      fc.property(dailyArb, fc.nat(), (bars, cut) => {
        const full = aggregateCalendar(seriesFromBars("X", bars), interval);
        const k = 1 + (cut % bars.length);
        const prefix = aggregateCalendar(firstBars(seriesFromBars("X", bars), k), interval);
        const m = prefix.dates.length;
        assert.ok(m >= 1 && m <= full.dates.length);
        // every bar before the last is final and equal to the full aggregation's
        for (let i = 0; i < m - 1; i++) assert.deepEqual(row(prefix, i), row(full, i));
        // the last one is the same period seen so far: same label and open, range within
        const last = m - 1;
        assert.equal(prefix.dates[last], full.dates[last]);
        assert.equal(prefix.open[last], full.open[last]);
        assert.ok(prefix.high[last]! <= full.high[last]!);
        assert.ok(prefix.low[last]! >= full.low[last]!);
        assert.ok(prefix.volume[last]! <= full.volume[last]!);
        // nothing told it the period ended: the last bar is partial, and not for decisions
        assert.equal(prefix.partial, true);
        assert.equal(completeBarCount(prefix), m - 1);
      }),
      RUNS,
    );
  });
}

Deno.test("calendarView - a decision on weekly bars never reads a bar the daily prefix could not know", () => {
  const text = Deno.readTextFileSync(new URL("../data/market/extra/SPX.csv", import.meta.url));
  const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
  const full = calendarView(spx, "1w");
  for (let k = 1; k <= 300; k++) {
    const prefix = calendarView(firstBars(spx, k), "1w");
    const usable = completeBarCount(prefix);
    for (let i = 0; i < usable; i++) assert.deepEqual(row(prefix, i), row(full, i));
  }
});

// An independent computation: group rows by the Monday (Date arithmetic) or by "YYYY-MM".
function reference(bars: Bar[], interval: "1w" | "1mo") {
  const groups = new Map<string, Bar[]>();
  for (const b of bars) {
    let id = b.date.slice(0, 7);
    if (interval === "1w") {
      const d = new Date(b.date + "T12:00:00Z");
      const sinceMonday = (d.getUTCDay() + 6) % 7;
      id = new Date(d.getTime() - sinceMonday * 86_400_000).toISOString().slice(0, 10);
    }
    groups.set(id, [...(groups.get(id) ?? []), b]);
  }
  return [...groups.values()].map((g) => ({
    date: g[0]!.date,
    open: g[0]!.open,
    high: Math.max(...g.map((b) => b.high)),
    low: Math.min(...g.map((b) => b.low)),
    close: g[g.length - 1]!.close,
    volume: g.reduce((sum, b) => sum + b.volume, 0),
  }));
}

Deno.test("aggregateCalendar - SPX weekly and monthly bars equal an independent computation on the bundled data", () => {
  const text = Deno.readTextFileSync(new URL("../data/market/extra/SPX.csv", import.meta.url));
  const bars = parseOhlcvCsv(text).bars;
  assert.ok(bars.length > 5000);
  for (const interval of ["1w", "1mo"] as const) {
    const got = aggregateCalendar(seriesFromBars("SPX", bars), interval);
    const want = reference(bars, interval);
    assert.equal(got.dates.length, want.length);
    want.forEach((w, i) => assert.deepEqual(row(got, i), w, `${interval} bar ${i}`));
  }
  // spot checks a reader can verify by eye: 2000's first week and month, a holiday week
  const weekly = aggregateCalendar(seriesFromBars("SPX", bars), "1w");
  assert.equal(weekly.dates[0], "2000-01-03");
  const thanksgiving = weekly.dates.indexOf("2019-11-25"); // Thu 28 closed: Mon–Wed + Fri
  assert.ok(thanksgiving > 0);
  assert.equal(weekly.dates[thanksgiving + 1], "2019-12-02");
  const monthly = aggregateCalendar(seriesFromBars("SPX", bars), "1mo");
  assert.equal(monthly.dates.indexOf("2019-09-02"), -1); // Labor Day: September starts 09-03
  assert.ok(monthly.dates.includes("2019-09-03"));
});

Deno.test("aggregateCalendar - a week starting on a holiday is labelled with its first trading day", () => {
  const s = seriesFromBars("X", [
    { date: "2024-01-12", open: 1, high: 2, low: 1, close: 2, volume: 1 },
    { date: "2024-01-16", open: 2, high: 3, low: 2, close: 3, volume: 2 }, // MLK Monday closed
    { date: "2024-01-19", open: 3, high: 4, low: 1, close: 4, volume: 3 },
  ]);
  const w = aggregateCalendar(s, "1w", { lastPeriodEnded: true });
  assert.deepEqual(w.dates, ["2024-01-12", "2024-01-16"]);
  assert.deepEqual([...w.low], [1, 1]);
  assert.deepEqual([...w.volume], [1, 5]);
  assert.equal(w.partial, false);
  assert.equal(completeBarCount(w), 2);
});

Deno.test("aggregateCalendar - no bars give no bars and nothing partial", () => {
  const w = aggregateCalendar(seriesFromBars("X", []), "1mo");
  assert.equal(w.dates.length, 0);
  assert.equal(w.partial, false);
});

Deno.test("calendarView - the bundled SPX history ends on Friday 2020-04-17: its week has ended, its month has not", () => {
  const text = Deno.readTextFileSync(new URL("../data/market/extra/SPX.csv", import.meta.url));
  const spx = seriesFromBars("SPX", parseOhlcvCsv(text).bars);
  assert.equal(spx.dates.at(-1), "2020-04-17");
  assert.equal(calendarView(spx, "1d").partial, false);
  const weekly = calendarView(spx, "1w"), monthly = calendarView(spx, "1mo");
  assert.equal(weekly.partial, false);
  assert.equal(weekly.dates.at(-1), "2020-04-13");
  assert.equal(monthly.partial, true);
  assert.equal(monthly.dates.at(-1), "2020-04-01");
  assert.equal(completeBarCount(monthly), monthly.dates.length - 1);
  // the same history cut on Thursday: the week is partial
  const thursday = calendarView(firstBars(spx, spx.dates.length - 1), "1w");
  assert.equal(thursday.partial, true);
});
