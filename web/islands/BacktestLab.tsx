import "../i18n/lab_dictionaries.ts"; // this page's messages (not in every page's dictionary)
import { useMemo, useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import type { StrategyInfo } from "../lib/api_types.ts";
import { RunPanel } from "../components/backtest/backtest_run.tsx";
import {
  intervalsOf,
  type LabSymbol,
  type Settings,
  SettingsFields,
} from "../components/backtest/backtest_settings.tsx";
import { initialGrid, OptimisePanel } from "../components/backtest/optimise_panel.tsx";
import { fieldsOf } from "../lib/schema_form.ts";
import { Tabs } from "../components/tabs.tsx";
import { strategyLabel } from "../components/labels.ts";
import { approxBars } from "../components/backtest/walk_forward_fit.ts";

/** Props of the backtest lab. */
export interface BacktestLabProps {
  /** UI language. */
  lang: Lang;
  /** Strategies from `GET /api/strategies`. */
  strategies: StrategyInfo[];
  /** Symbols with stored data. */
  symbols: LabSymbol[];
  /** Pre-selected symbol, strategy and bar interval. */
  initial: { symbol: string; strategy: string; interval?: string };
}

type Values = Record<string, string | boolean>;

function defaultsOf(s: StrategyInfo | undefined): Values {
  const out: Values = {};
  for (const [k, v] of Object.entries(s?.defaults ?? {})) {
    out[k] = typeof v === "boolean" ? v : String(v);
  }
  return out;
}

/**
 * The backtest lab: shared settings (symbol, strategy, range, costs), then two tabs — run one
 * backtest with the parameters generated from the strategy's JSON schema, or optimise them over
 * a grid (live progress, heat-map, walk-forward).
 */
export default function BacktestLab({ lang, strategies, symbols, initial }: BacktestLabProps) {
  const t = translator(lang);
  const [settings, setSettings] = useState<Settings>({
    symbol: initial.symbol,
    strategy: initial.strategy,
    interval: initial.interval ?? "1d",
    from: "",
    to: "",
    cash: "100000",
    fee_bps: "5",
    slippage_bps: "2",
  });
  const strategy = strategies.find((s) => s.id === settings.strategy);
  const fields = useMemo(() => fieldsOf(strategy?.params ?? {}), [strategy]);
  const [values, setValues] = useState<Values>(() => defaultsOf(strategy));
  const [grid, setGrid] = useState(() => initialGrid(fields, strategy?.grid ?? {}));
  const [tab, setTab] = useState("run");
  const sym = symbols.find((s) => s.symbol === settings.symbol);
  const currency = sym?.currency ?? "USD";
  const rangeBars = approxBars(
    settings.from || sym?.first,
    settings.to || sym?.last,
    settings.interval,
  );

  const set = (patch: Partial<Settings>) => {
    if (patch.symbol && patch.symbol !== settings.symbol) {
      // a symbol without bars at the chosen interval (e.g. hourly) goes back to daily bars
      const next = symbols.find((s) => s.symbol === patch.symbol);
      if (!intervalsOf(next).includes(patch.interval ?? settings.interval)) patch.interval = "1d";
    }
    if (patch.strategy && patch.strategy !== settings.strategy) {
      const next = strategies.find((s) => s.id === patch.strategy);
      setValues(defaultsOf(next));
      setGrid(initialGrid(fieldsOf(next?.params ?? {}), next?.grid ?? {}));
    }
    setSettings((s) => ({ ...s, ...patch }));
  };
  const fixed = Object.fromEntries(
    fields.filter((f) => f.kind === "enum" || f.kind === "boolean" || f.kind === "text")
      .map((f) => [f.name, values[f.name] ?? f.default])
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  const useParams = (params: Record<string, unknown>) => {
    setValues((v) => {
      const next = { ...v };
      for (const [k, x] of Object.entries(params)) next[k] = typeof x === "boolean" ? x : String(x);
      return next;
    });
    setTab("run");
  };

  if (strategies.length === 0 || symbols.length === 0) {
    return <p class="state" role="status">{t("bt.noStrategies")}</p>;
  }
  return (
    <div class="lab">
      <form class="card" onSubmit={(e) => e.preventDefault()} aria-label={t("bt.title")}>
        <SettingsFields
          t={t}
          s={settings}
          set={set}
          symbols={symbols}
          strategies={strategies}
          issues={[]}
          optimising={tab === "optimise"}
        />
      </form>
      <Tabs
        label={t("bt.tabs")}
        current={tab}
        onChange={setTab}
        tabs={[
          { id: "run", label: t("bt.tab.run") },
          { id: "optimise", label: t("bt.tab.optimise") },
        ]}
      >
        {(id) =>
          id === "run"
            ? (
              <RunPanel
                t={t}
                lang={lang}
                settings={settings}
                fields={fields}
                values={values}
                setValue={(k, v) => setValues((x) => ({ ...x, [k]: v }))}
                currency={currency}
                strategyName={(id) =>
                  strategyLabel(t, id, strategies.find((s) => s.id === id)?.name)}
              />
            )
            : (
              <OptimisePanel
                t={t}
                lang={lang}
                settings={settings}
                strategy={strategy}
                fields={fields}
                grid={grid}
                setGrid={(k, v) => setGrid((g) => ({ ...g, [k]: v }))}
                fixed={fixed}
                rangeBars={rangeBars}
                currency={currency}
                onUse={useParams}
              />
            )}
      </Tabs>
    </div>
  );
}
