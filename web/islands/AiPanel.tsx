import { useState } from "preact/hooks";
import { fmtDate, fmtNum, fmtPct, fmtPrice, withSentence } from "../components/format.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import type { AiAnalysis } from "../lib/api_types.ts";
import { errorMessage, statusOfCode } from "../lib/api_error.ts";
import { type ApiFailure, ApiNotice } from "../components/form/notice.tsx";
import { readSse } from "../lib/sse.ts";
import { fallbackText, stanceLabel } from "../components/labels.ts";
import { AnswerTrack, ConfidenceNote } from "../components/track_record/AnswerTrack.tsx";

/** Props of the AI panel. */
export interface AiPanelProps {
  /** Ticker. */
  symbol: string;
  /** UI language (the analysis is asked in it). */
  lang: Lang;
  /** The page's bar interval: the analyst reads daily bars whatever it is (said when not 1d). */
  interval?: string;
}

function parse(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

/**
 * The AI analyst panel: `GET /api/ai/analyze/:symbol?stream=1` streams `token` events (the
 * model's raw output), `retry`, then `result` (the validated analysis) or `error`; the panel
 * shows the draft while it streams, then stance, levels, reasons with the facts they cite,
 * risks, and whether the answer came from the language model or the rule-based analyst.
 */
export default function AiPanel({ symbol, lang, interval = "1d" }: AiPanelProps) {
  const t = translator(lang);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState("");
  const [retried, setRetried] = useState(false);
  const [result, setResult] = useState<AiAnalysis | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const run = async () => {
    setBusy(true);
    setFailure(null);
    setResult(null);
    setDraft("");
    setRetried(false);
    const url = `/api/ai/analyze/${encodeURIComponent(symbol)}?stream=1&language=${lang}`;
    try {
      const res = await fetch(url, { headers: { accept: "text/event-stream" } });
      if (!res.ok) return setFailure({ status: res.status, message: await errorMessage(res) });
      let got = false;
      await readSse(res, (e) => {
        const data = parse(e.data) as Record<string, unknown> | null;
        if (e.event === "token" && typeof data?.text === "string") {
          const text = data.text;
          setDraft((d) => d + text);
        } else if (e.event === "retry") {
          setRetried(true);
          setDraft("");
        } else if (e.event === "result" && data) {
          got = true;
          setResult(data as unknown as AiAnalysis);
        } else if (e.event === "error") {
          const err = (data?.error ?? {}) as { code?: string; message?: string };
          got = true;
          setFailure({ status: statusOfCode(err.code), message: err.message ?? null });
        }
      });
      if (!got) setFailure({ status: 500, message: t("ai.noResult") });
    } catch {
      setFailure({ status: 0, message: null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card ai" aria-labelledby="ai-h" aria-busy={busy ? "true" : "false"}>
      <h2 id="ai-h">{t("ai.title")}</h2>
      <p class="muted small">
        {interval === "1d" ? t("ai.intro") : withSentence(lang, t("ai.intro"), t("ai.dailyOnly"))}
      </p>
      <button type="button" class="primary" onClick={run} disabled={busy}>
        {busy ? t("ai.running") : t("ai.run")}
      </button>
      <ApiNotice t={t} failure={failure} />
      {retried && !result ? <p class="muted small" role="status">{t("ai.retry")}</p> : null}
      {draft && !result
        ? (
          <>
            <h3 class="small">{t("ai.stream")}</h3>
            <pre class="stream" aria-live="polite">{draft}</pre>
          </>
        )
        : null}
      {result ? <AiResult a={result} lang={lang} /> : null}
    </section>
  );
}

function AiResult({ a, lang }: { a: AiAnalysis; lang: Lang }) {
  const t = translator(lang);
  return (
    <div class="ai-result" aria-live="polite" data-source={a.source}>
      <p>
        <span class={`badge ${a.stance.toLowerCase()}`}>{stanceLabel(t, a.stance)}</span>{" "}
        {t("ai.confidence")} {fmtPct(lang, a.confidence * 100, false)}{" "}
        <ConfidenceNote a={a} t={t} lang={lang} />
        {" · "}
        {t("ai.horizon")} {t("ai.horizonDays", { n: a.horizon_days })}
      </p>
      <AnswerTrack r={a.track_record} t={t} lang={lang} />
      <p class="small">
        <span class="tag" data-testid="ai-source">
          {a.source === "llm" ? t("ai.source.llm") : t("ai.source.rules")}
        </span>
        {" · "}
        {a.model}
        {" · "}
        {t("ai.dataDate")} {fmtDate(lang, a.data_date)}
        {a.cached ? <>· {t("ai.cached")}</> : null}
      </p>
      <p>{a.summary}</p>
      {a.fallback_reason
        ? <p class="muted small" data-testid="ai-fallback">{fallbackText(t, a.fallback_reason)}</p>
        : null}
      <dl class="levels">
        <div>
          <dt>{t("ai.entry")}</dt>
          <dd>{fmtPrice(lang, a.entry)}</dd>
        </div>
        <div>
          <dt>{t("ai.target")}</dt>
          <dd>{fmtPrice(lang, a.target)}</dd>
        </div>
        <div>
          <dt>{t("ai.stop")}</dt>
          <dd>{fmtPrice(lang, a.stop)}</dd>
        </div>
      </dl>
      <h3>{t("ai.reasons")}</h3>
      <ul class="reasons">
        {a.reasons.map((r, i) => (
          <li key={i}>
            {r.text}{" "}
            <span
              class={r.verified ? "muted small" : "notice small"}
              title={t(r.verified ? "ai.verified" : "ai.unverified")}
            >
              {r.verified ? "✓" : "?"}
              <span class="sr-only">{t(r.verified ? "ai.verified" : "ai.unverified")}</span>
            </span>
            {r.fact_refs.length
              ? (
                <span class="block muted small">
                  {t("ai.facts")}:{" "}
                  {r.fact_refs.map((f) =>
                    `${f.label} = ${typeof f.value === "number" ? fmtNum(lang, f.value) : f.value}`
                  ).join(" · ")}
                </span>
              )
              : null}
          </li>
        ))}
      </ul>
      <h3>{t("ai.risks")}</h3>
      <ul>{a.risks.map((r, i) => <li key={i}>{r}</li>)}</ul>
      <p>
        <strong>{t("ai.invalidation")}</strong> {a.invalidation}
      </p>
    </div>
  );
}
