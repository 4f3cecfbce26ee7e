import { useState } from "preact/hooks";
import { fmtDate, fmtPct, fmtPrice } from "../components/format.ts";
import { type Lang, translator } from "../i18n/mod.ts";
import { errorKey, errorMessage } from "./_api_error.ts";
import { readSse } from "./_sse.ts";
import { stanceLabel } from "./Watchlist.tsx";

/** The analyst's answer (fields as in the AI issue's contract). */
export interface Analysis {
  stance: string;
  confidence: number;
  horizon?: string;
  summary?: string;
  entry?: number | null;
  target?: number | null;
  stop?: number | null;
  reasons: unknown[];
  risks?: unknown[];
  invalidation?: string | null;
  source: string;
  model?: string | null;
  data_date?: string;
  fallback_reason?: string | null;
}

/** Props of the AI panel. */
export interface AiPanelProps {
  /** Ticker. */
  symbol: string;
  /** UI language (the analysis is asked in it). */
  lang: Lang;
}

/** A reason or risk may be text or an object citing a fact. */
function asText(v: unknown): string {
  if (typeof v === "string") return v;
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    const text = o.text ?? o.reason ?? o.claim ?? o.message;
    const fact = o.fact ?? o.cite ?? o.evidence;
    if (typeof text === "string") return typeof fact === "string" ? `${text} (${fact})` : text;
  }
  return JSON.stringify(v);
}

/** The AI analyst panel: streams the analysis, then shows stance, levels, reasons and risks. */
export default function AiPanel({ symbol, lang }: AiPanelProps) {
  const t = translator(lang);
  const [busy, setBusy] = useState(false);
  const [draft, setDraft] = useState("");
  const [result, setResult] = useState<Analysis | null>(null);
  const [error, setError] = useState<
    { key: ReturnType<typeof errorKey>; detail: string | null } | null
  >(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    setDraft("");
    const url = `/api/ai/analyze/${encodeURIComponent(symbol)}?stream=1&language=${lang}`;
    try {
      const res = await fetch(url, { headers: { accept: "text/event-stream" } });
      if (!res.ok) {
        setError({ key: errorKey(res.status), detail: await errorMessage(res) });
        return;
      }
      let got: Analysis | null = null;
      await readSse(res, (e) => {
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(e.data);
        } catch { /* a text token */ }
        const obj = parsed as Partial<Analysis> & {
          token?: string;
          delta?: string;
          error?: unknown;
        };
        if (obj && typeof obj === "object" && typeof obj.stance === "string") {
          got = obj as Analysis;
          setResult(got);
        } else if (obj && typeof obj === "object" && (obj.token || obj.delta)) {
          setDraft((d) => d + (obj.token ?? obj.delta ?? ""));
        } else if (e.event === "error") {
          setError({ key: "error.generic", detail: asText(obj?.error ?? e.data) });
        } else if (typeof parsed === "string" || parsed === null) {
          setDraft((d) => d + (typeof parsed === "string" ? parsed : e.data));
        }
      });
      if (!got) setError((prev) => prev ?? { key: "ai.noResult", detail: null });
    } catch {
      setError({ key: "error.core.body", detail: null });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card ai" aria-labelledby="ai-h" aria-busy={busy}>
      <h2 id="ai-h">{t("ai.title")}</h2>
      <p class="muted small">{t("ai.intro")}</p>
      <button type="button" class="primary" onClick={run} disabled={busy}>
        {busy ? t("ai.running") : t("ai.run")}
      </button>
      {error
        ? (
          <p class="notice" role="alert">
            {t(error.key)}
            {error.detail ? <span class="muted small block">{error.detail}</span> : null}
          </p>
        )
        : null}
      {draft && !result ? <pre class="stream" aria-live="polite">{draft}</pre> : null}
      {result
        ? (
          <div class="ai-result" aria-live="polite" data-source={result.source}>
            <p>
              <span class={`badge ${result.stance.toLowerCase()}`}>
                {stanceLabel(t, result.stance)}
              </span>{" "}
              {t("ai.confidence")}{" "}
              {fmtPct(lang, result.confidence * (result.confidence <= 1 ? 100 : 1), false)}
              {result.horizon ? <>· {t("ai.horizon")} {result.horizon}</> : null}
            </p>
            <p class="small">
              <span class="tag">
                {result.source === "llm" ? t("ai.source.llm") : t("ai.source.rules")}
              </span>
              {result.model ? <>· {result.model}</> : null}
              {result.data_date
                ? <>· {t("ai.dataDate")} {fmtDate(lang, result.data_date)}</>
                : null}
            </p>
            {result.summary ? <p>{result.summary}</p> : null}
            {result.fallback_reason
              ? <p class="muted small">{t("ai.fallback")} {result.fallback_reason}</p>
              : null}
            <dl class="levels">
              <div>
                <dt>{t("ai.entry")}</dt>
                <dd>{fmtPrice(lang, result.entry)}</dd>
              </div>
              <div>
                <dt>{t("ai.target")}</dt>
                <dd>{fmtPrice(lang, result.target)}</dd>
              </div>
              <div>
                <dt>{t("ai.stop")}</dt>
                <dd>{fmtPrice(lang, result.stop)}</dd>
              </div>
            </dl>
            <h3>{t("ai.reasons")}</h3>
            <ul>{result.reasons.map((r, i) => <li key={i}>{asText(r)}</li>)}</ul>
            {result.risks?.length
              ? (
                <>
                  <h3>{t("ai.risks")}</h3>
                  <ul>{result.risks.map((r, i) => <li key={i}>{asText(r)}</li>)}</ul>
                </>
              )
              : null}
            {result.invalidation
              ? (
                <p>
                  <strong>{t("ai.invalidation")}</strong> {result.invalidation}
                </p>
              )
              : null}
          </div>
        )
        : null}
    </section>
  );
}
