import assert from "node:assert/strict";
import { realMinuteBars } from "../../tests/helpers/intraday_minutes.ts";
import { aggregateSession } from "../intraday/aggregate.ts";
import { sessionOf } from "../intraday/session.ts";
import { columnsFromBars } from "../intraday/types.ts";
import { isoLocal } from "../intraday/zoned_time.ts";
import { migrateUp } from "../db/migrations.ts";
import { openSqlite } from "../db/sqlite.ts";
import { IntradayBars } from "./intraday_bars.ts";
import { formatIntradayReport, importIntradayCsv } from "./intraday_import.ts";
import { IntradayStore } from "./intraday_store.ts";

const ROOT = new URL("../../", import.meta.url).pathname;
// Real SPY minutes, 2013-10-04..11 and 2023-08-03, pre- and post-market included (LEAN sample)
const FILE = `${ROOT}tests/fixtures/intraday/minute/SPY_1m.csv`;
const text = await Deno.readTextFile(FILE);
const rows = text.trim().split("\n").slice(1);
const regular = rows.filter((r) => {
  const hm = r.slice(11, 16);
  return hm >= "09:30" && hm < "16:00";
});

Deno.test("importIntradayCsv() - imports the session rows, reports the others, re-imports idempotently, and core notices", async () => {
  const db = await openSqlite(":memory:");
  try {
    await migrateUp(db);
    const store = new IntradayStore(db);
    const bars = new IntradayBars(store);
    const opts = { symbol: "SPY", interval: "1m" as const, source: "csv:SPY_1m.csv" };
    const first = await importIntradayCsv(store, text, opts);
    assert.equal(first.valid, regular.length);
    assert.equal(first.written, regular.length);
    assert.equal(first.outside.length, rows.length - regular.length);
    assert.deepEqual(first.outside[0], {
      line: 2,
      reason: "2013-10-04T04:06:00-04:00 is outside the session",
    });
    assert.deepEqual(first.span, ["2013-10-04T09:30:00-04:00", "2023-08-03T15:59:00-04:00"]);
    const lines = formatIntradayReport("SPY_1m.csv", opts, first);
    assert.match(
      lines[0]!,
      new RegExp(
        `^SPY_1m.csv: ${
          rows.length - regular.length
        } row\\(s\\) outside the regular session refused`,
      ),
    );
    assert.equal(lines.filter((l) => l.startsWith("  line ")).length, 5, "first five examples");
    assert.equal(
      lines.at(-1),
      `SPY 1m: ${regular.length} rows validated, ${regular.length} written (2013-10-04T09:30:00-04:00 .. 2023-08-03T15:59:00-04:00)`,
    );
    const five = (await bars.load("SPY", "5m"))!;
    const again = await importIntradayCsv(store, text, opts);
    assert.equal(again.written, 0, "the same file again writes nothing");
    assert.equal(await bars.load("SPY", "5m"), five, "…and keeps the data version (cache hit)");
    const ext = await importIntradayCsv(store, text, { ...opts, extended: true });
    assert.equal(ext.outside.length, 0);
    assert.equal(ext.written, rows.length - regular.length, "only the new pre/post-market rows");
    assert.notEqual(await bars.load("SPY", "5m", "split", { extended: true }), five);
  } finally {
    await db.close();
  }
});

Deno.test("importIntradayCsv() - wall-clock times with --tz; an invalid row imports nothing", async () => {
  const db = await openSqlite(":memory:");
  try {
    await migrateUp(db);
    const store = new IntradayStore(db);
    // the same real rows written as UTC wall-clock times without offsets
    const utc = "time,open,high,low,close,volume\n" + regular.slice(0, 30).map((r) => {
      const [t, ...rest] = r.split(",");
      const iso = new Date(Date.parse(t!)).toISOString().slice(0, 16).replace("T", " ");
      return [iso, ...rest].join(",");
    }).join("\n");
    const r = await importIntradayCsv(store, utc, {
      symbol: "SPY",
      interval: "1m",
      timeZone: "UTC",
      source: "t",
    });
    assert.equal(r.written, 30);
    assert.deepEqual(r.span, ["2013-10-04T09:30:00-04:00", "2013-10-04T09:59:00-04:00"]);
    const bad = await importIntradayCsv(store, `${utc}\n2013-10-04 14:30,1,0.5,1,1,1\n`, {
      symbol: "IBM",
      interval: "1m",
      timeZone: "UTC",
      source: "t",
    });
    assert.equal(bad.written, 0);
    assert.equal(bad.rejected.length, 1);
    assert.deepEqual(await store.extents("IBM"), [], "nothing written");
  } finally {
    await db.close();
  }
});

Deno.test({
  name:
    "deno task import --interval 1m - the CLI imports a real minute file and reports refused rows",
  sanitizeResources: false,
  sanitizeOps: false,
  async fn() {
    const name = `data/test-intraday-import-${crypto.randomUUID().slice(0, 8)}.db`;
    try {
      const run = () =>
        new Deno.Command("deno", {
          args: ["task", "import", FILE, "--symbol", "SPY", "--interval", "1m"],
          cwd: ROOT,
          env: { DATABASE_URL: `sqlite:///./${name}`, NO_COLOR: "1" },
          stdout: "piped",
          stderr: "piped",
        }).output();
      const out = await run();
      const stdout = new TextDecoder().decode(out.stdout);
      assert.equal(out.code, 0, new TextDecoder().decode(out.stderr));
      assert.match(stdout, /row\(s\) outside the regular session refused/);
      assert.match(
        stdout,
        new RegExp(`SPY 1m: ${regular.length} rows validated, ${regular.length} written`),
      );
      const second = new TextDecoder().decode((await run()).stdout);
      assert.match(second, new RegExp(`${regular.length} rows validated, 0 written`));
    } finally {
      for (const suffix of ["", "-wal", "-shm"]) {
        await Deno.remove(`${ROOT}${name}${suffix}`).catch(() => {});
      }
    }
  },
});

Deno.test("importIntradayCsv() - a 5-minute file (the real SPY minutes aggregated by session) imports and serves 15m", async () => {
  const db = await openSqlite(":memory:");
  try {
    await migrateUp(db);
    const store = new IntradayStore(db);
    const minutes = await realMinuteBars("SPY");
    const five = aggregateSession(columnsFromBars(minutes), {
      minutes: 5,
      session: sessionOf("America/New_York"),
    });
    const csv = "time,open,high,low,close,volume\n" +
      Array.from(
        five.ts,
        (t, i) =>
          [
            isoLocal("America/New_York", t),
            five.open[i],
            five.high[i],
            five.low[i],
            five.close[i],
            five.volume[i],
          ].join(","),
      ).join("\n");
    const r = await importIntradayCsv(store, csv, { symbol: "SPY", interval: "5m", source: "t" });
    assert.deepEqual([r.valid, r.written, r.outside.length, r.rejected.length], [
      7 * 78,
      7 * 78,
      0,
      0,
    ]);
    const fifteen = (await new IntradayBars(store).load("SPY", "15m"))!;
    assert.equal(fifteen.dates.length, 7 * 26);
    assert.equal(fifteen.partial, false);
  } finally {
    await db.close();
  }
});
