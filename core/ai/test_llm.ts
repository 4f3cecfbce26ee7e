/**
 * Test helpers private to core/ai tests: reading the facts table a fake model received, and
 * writing the answer a well-behaved model would give from it.
 *
 * @module
 */
import type { AnalystOutput } from "@trading/shared/schemas";
import type { FakeRequest } from "../../tests/helpers/fake_openai.ts";

/** The facts (id → value text) in the request's facts message. */
export function factsOf(req: FakeRequest): Map<string, string> {
  const user = req.body.messages.find((m) => m.role === "user")?.content ?? "";
  const out = new Map<string, string>();
  for (const line of user.split("\n")) {
    const parts = line.split(" | ");
    if (parts.length === 4 && parts[0] !== "id") out.set(parts[0]!, parts[2]!);
  }
  return out;
}

/** A grounded BUY answer built from the facts the model was given, modestly confident. */
export function groundedAnswer(req: FakeRequest, over: Partial<AnalystOutput> = {}): AnalystOutput {
  const f = factsOf(req);
  const close = Number(f.get("price.close"));
  const rsi = f.get("ind.rsi_14");
  const date = req.body.messages[1]!.content.match(/as of: (\d{4}-\d{2}-\d{2})/)?.[1];
  return {
    stance: "BUY",
    // Below S/(S+T) = 1/3 of these levels + the margin: the track record supports it.
    confidence: 0.4,
    horizon_days: 15,
    entry: close,
    target: Math.round(close * 1.06 * 100) / 100,
    stop: Math.round(close * 0.97 * 100) / 100,
    summary: "Uptrend intact.",
    reasons: [
      { text: `RSI(14) = ${rsi} on ${date}.`, fact_ids: ["ind.rsi_14"] },
      {
        text: `Close ${close} is above SMA(50) ${f.get("ind.sma_50")}.`,
        fact_ids: [
          "price.close",
          "ind.sma_50",
        ],
      },
    ],
    risks: ["Overbought momentum may fade."],
    invalidation: `A close below ${Math.round(close * 0.97 * 100) / 100}.`,
    ...over,
  };
}
