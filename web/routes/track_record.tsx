import { ErrorState } from "../components/ErrorState.tsx";
import { fmtDate } from "../components/format.ts";
import { usePage } from "../components/page_context.ts";
import type { PageSpec } from "../pages/render_page.tsx";
import { CalibrationSection } from "../components/track_record/CalibrationSection.tsx";
import { SymbolChart } from "../components/track_record/SymbolChart.tsx";
import { analystLabel, TrackGroupsTable } from "../components/track_record/TrackGroupsTable.tsx";
import { points, rate, verdictKey } from "../components/track_record/track_format.ts";
import type { TrackRecordReport } from "../lib/api_types.ts";
import type { PageRequest } from "./types.ts";

function Headline({ r }: { r: TrackRecordReport }) {
  const { t, lang } = usePage();
  const g = r.groups.find((x) => x.source === "rules" && x.stance === "BUY+SELL");
  if (!g || !g.scored) return <p class="notice">{t("track.noCalls")}</p>;
  return (
    <section class="card headline" aria-labelledby="track-head">
      <h2 id="track-head">{t("track.headline.title")}</h2>
      <p>
        {t("track.headline.body", {
          n: g.scored,
          from: fmtDate(lang, g.period_from),
          to: fmtDate(lang, g.period_to),
          rate: rate(lang, g.hit_rate),
          lo: rate(lang, g.hit_rate_low),
          hi: rate(lang, g.hit_rate_high),
        })}
      </p>
      <ul>
        {([
          ["track.col.analytic", g.vs_analytic],
          ["track.col.randomDate", g.vs_random_date],
          ["track.col.randomSide", g.vs_random_side],
          ["track.col.buyHold", g.vs_buy_hold],
        ] as const).map(([k, e]) => (
          <li key={k}>
            <strong>{t(k)}</strong>: {t(verdictKey(e.verdict))} ({points(lang, e.difference)}, 95%
            {" "}
            [{points(lang, e.difference_low)}, {points(lang, e.difference_high)}])
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Which symbols and period the record covers (a defined set: the default universe). */
function Coverage({ r }: { r: TrackRecordReport }) {
  const { t, lang } = usePage();
  const missing = r.universe.filter((s) => !r.symbols.includes(s));
  return (
    <p data-testid="track-coverage">
      {t("track.coverage", {
        n: r.symbols.length,
        total: r.universe.length,
        symbols: r.symbols.join(", "),
        from: fmtDate(lang, r.period_from),
        to: fmtDate(lang, r.period_to),
      })}
      {missing.length
        ? <>{" "}{t("track.coverage.missing", { symbols: missing.join(", ") })}</>
        : null}
    </p>
  );
}

function SideBySide({ r }: { r: TrackRecordReport }) {
  const { t } = usePage();
  const llm = r.side_by_side.rows.filter((x) => x.source === "llm");
  return (
    <section aria-labelledby="track-side">
      <h2 id="track-side">{t("track.side.title")}</h2>
      {r.side_by_side.ready
        ? <TrackGroupsTable groups={r.side_by_side.rows} caption={t("track.side.title")} />
        : (
          <p class="notice" data-testid="llm-no-record">
            {t("track.side.notYet", {
              min: r.min_calls,
              llm: llm.length
                ? llm.map((x) => `${analystLabel(t, x)}: ${x.scored}`).join(", ")
                : t("track.side.noLlmCalls"),
            })}
          </p>
        )}
    </section>
  );
}

function TrackRecord({ r }: { r: TrackRecordReport }) {
  const { t, lang } = usePage();
  const rulesSymbols = r.by_symbol.filter((g) => g.source === "rules");
  return (
    <>
      <h1>{t("track.title")}</h1>
      <p class="muted">{t("track.intro", { every: r.every_bars })}</p>
      <Coverage r={r} />
      <Headline r={r} />
      <section aria-labelledby="track-groups">
        <h2 id="track-groups">{t("track.groups.title")}</h2>
        <TrackGroupsTable groups={r.groups} caption={t("track.groups.title")} />
      </section>
      <SideBySide r={r} />
      <section aria-labelledby="track-symbols">
        <h2 id="track-symbols">{t("track.symbols.title")}</h2>
        <div class="grid2">
          <div class="card">
            <h3>{t("track.directional")}</h3>
            <SymbolChart
              groups={rulesSymbols.filter((g) => g.stance === "BUY+SELL")}
              title={t("track.symbols.chart", { kind: t("track.directional") })}
            />
          </div>
          <div class="card">
            <h3>{t("stance.hold")}</h3>
            <SymbolChart
              groups={rulesSymbols.filter((g) => g.stance === "HOLD")}
              title={t("track.symbols.chart", { kind: t("stance.hold") })}
            />
          </div>
        </div>
        <TrackGroupsTable
          groups={rulesSymbols.filter((g) => g.scored > 0)}
          caption={t("track.symbols.title")}
          showSymbol
        />
      </section>
      <section aria-labelledby="track-cal">
        <h2 id="track-cal">{t("track.cal.title")}</h2>
        <p class="muted small">{t("track.cal.intro")}</p>
        <div class="grid2">
          {r.calibration.filter((c) => c.scored > 0).map((c) => (
            <CalibrationSection
              key={`${c.source}${c.model}${c.kind}`}
              c={c}
              name={analystLabel(t, c)}
            />
          ))}
        </div>
      </section>
      <section class="prose small" aria-labelledby="track-method">
        <h2 id="track-method">{t("track.method.title")}</h2>
        <ul>
          <li>{t("track.method.hit")}</li>
          <li>{t("track.method.analytic")}</li>
          <li>{t("track.method.random", { draws: r.draws, seed: r.seed })}</li>
          <li>{t("track.method.buyHold")}</li>
          <li>{t("track.method.interval")}</li>
          <li>{t("track.method.calibration")}</li>
        </ul>
        <p class="muted">
          {t("track.method.computed", {
            at: fmtDate(lang, r.computed_at.slice(0, 10)),
            ms: r.compute_ms,
          })}
        </p>
      </section>
    </>
  );
}

/** How long the page waits for core's track record (the API proxy waits 30 s). */
const TRACK_RECORD_TIMEOUT_MS = 20_000;

/** The analysts' track record: hit rates against baselines, per symbol, and calibration. */
export async function trackRecordPage(req: PageRequest): Promise<PageSpec> {
  const { t } = req;
  // core computes the report on the first request after the data changed (6.4 s measured on
  // the 1998–2021 default universe, 2-core machine; cached by data version after): more than
  // the 4 s of other page reads
  const r = await req.core.get<TrackRecordReport>("/api/ai/track-record", {
    timeoutMs: TRACK_RECORD_TIMEOUT_MS,
  });
  if (!r.ok) {
    return {
      title: t("track.title"),
      status: 503,
      body: <ErrorState title="track.error.title" body="track.error.body" detail={r.message} />,
    };
  }
  return { title: t("track.title"), body: <TrackRecord r={r.data} /> };
}
