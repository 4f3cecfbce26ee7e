import { useEffect, useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import { RuleEditor } from "../components/rule_editor/RuleEditor.tsx";
import { ScreenResults } from "../components/screener/ScreenResults.tsx";
import { SavedScreensBar } from "../components/screener/SavedScreensBar.tsx";
import type { SavedScreenBody, SavedScreenInput, ScreenResultBody } from "../lib/api_types.ts";
import { api, type FieldIssue, ruleIssueFor } from "../lib/api_error.ts";
import { Field, FieldRow, Select } from "../components/form/fields.tsx";
import { type ApiFailure, ApiNotice } from "../components/form/notice.tsx";
import { loadWatchlist, readWatchlist } from "../lib/watchlist_store.ts";

/** Props of the screener. */
export interface ScreenerProps {
  lang: Lang;
  /** Whether the visitor is signed in (saved screens need an account). */
  signedIn: boolean;
  /** Rule to start with (e.g. from `?rule=`). */
  initialRule: string;
}

type Universe = "all" | "watchlist" | "list";

const DEFAULT_COLUMNS = "rsi(14)\nclose / sma(close, 200) - 1";

/** Columns text → expressions (one per line, blank lines dropped). */
const linesOf = (text: string) => text.split("\n").map((l) => l.trim()).filter(Boolean);

/**
 * The screener: a rule (CodeMirror editor with completion and the server's diagnostics), the
 * columns to show, the universe (every stored symbol, the browser's watchlist or a list), an
 * optional date, then the matching symbols with sparklines; signed-in users save screens.
 */
export default function Screener({ lang, signedIn, initialRule }: ScreenerProps) {
  const t = translator(lang);
  const [rule, setRule] = useState(initialRule);
  const [columns, setColumns] = useState(DEFAULT_COLUMNS);
  const [universe, setUniverse] = useState<Universe>("all");
  const [list, setList] = useState("");
  const [asOf, setAsOf] = useState("");
  const [barInterval, setBarInterval] = useState<"1d" | "1w" | "1mo">("1d");
  const [sort, setSort] = useState("bars_since_true");
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [result, setResult] = useState<ScreenResultBody | null>(null);
  const [loaded, setLoaded] = useState(0);
  const [screen, setScreen] = useState<{ id: string; rule: string } | null>(null);
  // signed in: the first load in this browser gives an empty account list its starred symbols
  useEffect(() => {
    if (signedIn) void loadWatchlist(true, { api });
  }, [signedIn]);

  // signed in, "watchlist" is resolved by core (the account's list); signed out, it is sent
  const spec = (): Omit<SavedScreenInput, "name"> & { universe: SavedScreenBody["universe"] } => {
    const cols = linesOf(columns);
    const symbols = universe === "watchlist"
      ? readWatchlist()
      : list.split(/[\s,]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
    const by = sort.startsWith("col")
      ? Number(sort.slice(3))
      : sort as "symbol" | "bars_since_true";
    const u: SavedScreenBody["universe"] = universe === "all"
      ? "all"
      : universe === "watchlist" && signedIn
      ? "watchlist"
      : symbols;
    return {
      rule,
      universe: u,
      columns: cols,
      sort: { by, order: sort === "bars_since_true" || sort === "symbol" ? "asc" : "desc" },
      limit: 200,
      interval: barInterval,
    };
  };
  const run = async (e?: Event) => {
    e?.preventDefault();
    const body = spec();
    if (Array.isArray(body.universe) && body.universe.length === 0) {
      setIssues([{ field: "universe", message: t("screen.emptyUniverse") }]);
      return;
    }
    setBusy(true);
    setFailure(null);
    setIssues([]);
    const r = await api<ScreenResultBody>("POST", "/api/screens", {
      ...body,
      ...(asOf ? { as_of: asOf } : {}),
    });
    setBusy(false);
    if (r.ok) return setResult(r.data);
    // core's "your watchlist is empty" (universe "watchlist"), in the page's words
    setIssues(
      body.universe === "watchlist"
        ? r.details.map((i) =>
          i.field === "universe" ? { ...i, message: t("screen.watchlistEmpty") } : i
        )
        : r.details,
    );
    setFailure({ status: r.status, message: r.message });
  };
  const load = (s: SavedScreenBody) => {
    setRule(s.rule);
    setScreen({ id: s.id, rule: s.rule });
    setColumns(s.columns.join("\n"));
    setLoaded((n) => n + 1);
    setBarInterval(s.interval ?? "1d");
    if (s.universe === "all" || s.universe === "watchlist") setUniverse(s.universe);
    else {
      setUniverse("list");
      setList(s.universe.join(", "));
    }
  };

  // a column's problem: its span is on line k + 1 of the columns editor
  const colIssue = issues.map((i) => /^columns\.(\d+)$/.exec(i.field)).find(Boolean);
  const colProblem = colIssue ? ruleIssueFor(issues, colIssue[0]) : null;
  if (colProblem?.span && colIssue) {
    const k = Number(colIssue[1]);
    colProblem.span = {
      ...colProblem.span,
      line: colProblem.span.line + k,
      end_line: colProblem.span.end_line + k,
    };
  }
  const cols = linesOf(columns);
  // "Create alert": on the loaded saved screen (the symbols it matches) while its rule is
  // unchanged, else this rule on this universe (every stored symbol, or the list)
  const alertHref = () => {
    if (screen && screen.rule === rule) {
      return `/alerts?${new URLSearchParams({ screen: screen.id, rule })}`;
    }
    const u = spec().universe;
    const q = new URLSearchParams({ rule, symbols: typeof u === "string" ? u : u.join(",") });
    return `/alerts?${q}`;
  };
  const sortOptions = [
    { value: "bars_since_true", label: t("screen.sort.since") },
    { value: "symbol", label: t("screen.sort.symbol") },
    ...cols.map((c, k) => ({ value: `col${k}`, label: t("screen.sort.column", { column: c }) })),
  ];

  return (
    <div class="screener">
      <form class="card" onSubmit={run} aria-label={t("screen.title")} noValidate>
        <RuleEditor
          id="screen-rule"
          label={t("screen.rule")}
          value={rule}
          onChange={setRule}
          revision={loaded}
          problem={ruleIssueFor(issues, "rule")}
          placeholder="rsi(14) < 30 and close > sma(200)"
          help={t("screen.ruleHelp")}
          onSubmit={() => void run()}
        />
        <RuleEditor
          id="screen-columns"
          label={t("screen.columns")}
          value={columns}
          onChange={setColumns}
          revision={loaded}
          problem={colProblem}
          help={t("screen.columnsHelp")}
          onSubmit={() => void run()}
        />
        <FieldRow>
          <Select
            id="screen-universe"
            label={t("screen.universe")}
            value={universe}
            onChange={(v) => setUniverse(v as Universe)}
            options={[
              { value: "all", label: t("screen.universe.all") },
              { value: "watchlist", label: t("screen.universe.watchlist") },
              { value: "list", label: t("screen.universe.list") },
            ]}
            help={universe === "watchlist"
              ? t(signedIn ? "screen.watchlistHelp.account" : "screen.watchlistHelp")
              : undefined}
            error={issues.find((i) => i.field.startsWith("universe"))?.message ?? null}
          />
          {universe === "list"
            ? (
              <Field
                id="screen-list"
                label={t("screen.symbols")}
                value={list}
                onInput={setList}
                attrs={{ placeholder: "AAPL, MSFT, 2330.TW" }}
              />
            )
            : null}
          <Select
            id="screen-interval"
            label={t("interval.label")}
            value={barInterval}
            onChange={(v) => setBarInterval(v as typeof barInterval)}
            options={(["1d", "1w", "1mo"] as const).map((i) => ({
              value: i,
              label: t(`interval.${i}.long`),
            }))}
            help={t("screen.intervalHelp")}
            error={issues.find((i) => i.field === "interval")?.message ?? null}
          />
          <Field
            id="screen-asof"
            type="date"
            label={t("screen.asOf")}
            value={asOf}
            onInput={setAsOf}
            help={t("screen.asOfHelp")}
            error={issues.find((i) => i.field === "as_of")?.message ?? null}
          />
          <Select
            id="screen-sort"
            label={t("screen.sort")}
            value={sort}
            onChange={setSort}
            options={sortOptions}
          />
        </FieldRow>
        <p>
          <button type="submit" class="primary" disabled={busy}>
            {busy ? t("screen.running") : t("screen.run")}
          </button>{" "}
          <a class="button" href={alertHref()}>{t("screen.alert")}</a>
        </p>
        <div aria-live="polite">
          <ApiNotice t={t} failure={failure} />
        </div>
      </form>
      {signedIn
        ? <SavedScreensBar t={t} current={spec} onLoad={load} />
        : <p class="muted small">{t("screen.signInToSave")}</p>}
      {result ? <ScreenResults t={t} lang={lang} r={result} /> : null}
    </div>
  );
}
