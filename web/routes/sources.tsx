import { TableRegion } from "../components/TableRegion.tsx";
import type { PageSpec } from "../pages/render_page.tsx";
import { usePage } from "../components/page_context.ts";
import type { MessageKey } from "../i18n/mod.ts";
import type { PageRequest } from "./types.ts";

/**
 * The embedded dataset's files (copied from core/data/market/SOURCES.md, lean/SOURCES.md and
 * intraday/SOURCES.md); the last column is the
 * licence and, when the package names one, where its data came from.
 */
const DATASETS: readonly (readonly [string, string, string, string, readonly [string, string?]])[] =
  [
    [
      "SPY AAPL QQQ GOOGL IBM BAC AIG IWM EEM (1d)",
      "1998-01-02 – 2021-03-31",
      "1761–5849",
      "QuantConnect LEAN 2486390 (Data/equity/usa/daily, factor_files)",
      ["Apache-2.0", "AlgoSeek, QuantQuote"],
    ],
    [
      "SPY AAPL IBM BAC (1h)",
      "1998-01-02 – 2021-03-31",
      "~40800",
      "QuantConnect LEAN 2486390 (Data/equity/usa/hour)",
      ["Apache-2.0", "AlgoSeek, QuantQuote"],
    ],
    [
      "MSFT",
      "2000-09-27 – 2001-09-27",
      "249",
      "Debian r-cran-timeseries 4021.105-2 (extdata/msft.csv)",
      ["GPL-2+", "Yahoo"],
    ],
    [
      "AMZN NVDA TSLA NFLX FB INTC AMD CSCO, extra/QCOM",
      "2017-06-01 – 2017-12-29",
      "146–147",
      "Debian qt5-quick-demos 5.15.8-2 (stocqt data)",
      ["BSD-3-Clause"],
    ],
    [
      "extra/SPX (S&P 500)",
      "2000-01-03 – 2020-04-17",
      "5105",
      "npm vega-datasets 3.2.1 (data/sp500-2000.csv)",
      ["BSD-3-Clause", "Yahoo Finance"],
    ],
    [
      "extra/GOOG",
      "2004-08-19 – 2008-10-14",
      "1047",
      "Debian python-matplotlib-data 3.6.3-1 (sample_data/goog.npz)",
      ["matplotlib"],
    ],
    [
      "extra/AAPL_2013_2018",
      "2013-05-13 – 2018-05-11",
      "1260",
      "npm @observablehq/sample-datasets 1.0.1 (aapl.csv)",
      ["ISC", "Yahoo Finance"],
    ],
    [
      "extra/*_2017 (ADSK EA EBAY GOOGL NCLH NTAP PYPL TXN, AAPL GOOG MSFT)",
      "2017-06-01 – 2017-12-29",
      "~147",
      "Debian qt5-quick-demos 5.15.8-2",
      ["BSD-3-Clause"],
    ],
  ];

const QUIRKS: MessageKey[] = [
  "sources.quirk.gap",
  "sources.quirk.closures",
  "sources.quirk.split",
  "sources.quirk.sixteenths",
  "sources.quirk.fb",
  "sources.quirk.crosscheck",
];

function Sources() {
  const { t } = usePage();
  const licence = ([id, source]: readonly [string, string?]) => {
    const name = id === "matplotlib" ? t("sources.licence.matplotlib") : id;
    return source ? t("sources.licenceFrom", { licence: name, source }) : name;
  };
  return (
    <article class="prose">
      <h1>{t("sources.title")}</h1>
      <p>{t("sources.intro")}</p>
      <TableRegion label={t("sources.title")}>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">{t("sources.col.symbol")}</th>
              <th scope="col">{t("sources.col.range")}</th>
              <th scope="col" class="num">{t("sources.col.rows")}</th>
              <th scope="col">{t("sources.col.package")}</th>
              <th scope="col">{t("sources.col.licence")}</th>
            </tr>
          </thead>
          <tbody>
            {DATASETS.map(([sym, range, rows, pkg, lic]) => (
              <tr key={sym}>
                <th scope="row">{sym}</th>
                <td>
                  {range.split(" – ").map((d, i) => (
                    <span key={d}>
                      {i > 0 ? " " : ""}
                      <span class="nowrap">{i > 0 ? d : `${d}\u00a0–`}</span>
                    </span>
                  ))}
                </td>
                <td class="num nowrap">{rows}</td>
                <td>{pkg}</td>
                <td>{licence(lic)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      <h2>{t("sources.quirks")}</h2>
      <ul>{QUIRKS.map((k) => <li key={k}>{t(k)}</li>)}</ul>
      <h2>{t("sources.software")}</h2>
      <ul>
        <li>
          {t("sources.lwc")} <a href="https://www.tradingview.com/" rel="noopener">TradingView</a>
          {" "}
          (<a href="https://github.com/tradingview/lightweight-charts" rel="noopener">
            lightweight-charts
          </a>, Apache-2.0)
        </li>
        <li>{t("sources.preact")}</li>
      </ul>
      <p class="muted small">{t("sources.noFake")}</p>
    </article>
  );
}

/** Data sources and licences. */
export function sourcesPage(req: PageRequest): Promise<PageSpec> {
  return Promise.resolve({ title: req.t("sources.title"), body: <Sources /> });
}
