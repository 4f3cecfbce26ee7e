import { rateLimit } from "../../auth/rate_limit.ts";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { DomainError } from "@trading/shared/errors";
import { readJson, routeGroup, validate } from "@trading/shared/http";
import {
  AI_REQUEST_EXAMPLE,
  AI_RESPONSE_EXAMPLE,
  AiAnalysisSchema,
  AiAnalyzeBodySchema,
  AiAnalyzeQuerySchema,
  AiChatBodySchema,
  AiChatHistorySchema,
  AiChatResponseSchema,
  AiUsageReportSchema,
  SymbolParamSchema,
  TrackRecordReportSchema,
} from "@trading/shared/schemas";
import { aiServices, barsAsOf } from "../../ai/mod.ts";
import type { CoreDeps } from "../../deps.ts";
import { optionalUser, requireUser } from "../../auth/auth_context.ts";

/** AI requests per user and IP (shared with POST /analyze, key "ai"). */
const aiLimit = rateLimit({ key: "ai", limit: 30, windowS: 60 });

const SymbolPath = z.object({ symbol: SymbolParamSchema });
const SessionPath = z.object({
  session_id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, "session_id must be 8..64 url-safe chars"),
});

async function optionalJson(req: { text: () => Promise<string> }): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  return readJson({ json: () => Promise.resolve().then(() => JSON.parse(text)) });
}

/** The AI analyst and the strategy chat. */
export const aiRoutes = routeGroup(
  (deps: CoreDeps) => ({ deps }),
  [
    {
      method: "post",
      path: "/api/ai/analyze/{symbol}",
      paramsExample: { symbol: "AAPL" },
      example: AI_REQUEST_EXAMPLE,
      responseExample: AI_RESPONSE_EXAMPLE,
      summary:
        "AI analyst's view (stance, levels, reasons citing computed facts); LLM when configured, " +
        "else the rule-based analyst (source: rules, with fallback_reason)",
      tag: "ai",
      params: SymbolPath,
      body: AiAnalyzeBodySchema,
      response: AiAnalysisSchema,
      errors: [404, 422, 429],
      access: "public",
      use: [aiLimit],
      scope: "ai",
      handler: async (c, { deps }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const body = validate(AiAnalyzeBodySchema, await optionalJson(c.req), "body");
        const { ai } = aiServices(deps);
        return c.json(
          await ai.analyze({
            symbol,
            language: body.language,
            asOf: body.as_of,
            user: optionalUser(c),
          }),
        );
      },
    },
    {
      method: "get",
      path: "/api/ai/analyze/{symbol}",
      summary:
        "Same as POST; with ?stream=1 server-sent events: `token` (raw model output), `retry`, " +
        "then `result` (the validated object) or `error`",
      tag: "ai",
      params: SymbolPath,
      query: AiAnalyzeQuerySchema,
      response: AiAnalysisSchema,
      errors: [404, 422, 429],
      access: "public",
      use: [aiLimit],
      scope: "ai",
      spends: true,
      handler: async (c, { deps }) => {
        const { symbol } = validate(SymbolPath, c.req.param(), "path");
        const q = validate(AiAnalyzeQuerySchema, c.req.query(), "query");
        const { ai } = aiServices(deps);
        const req = { symbol, language: q.language, asOf: q.as_of, user: optionalUser(c) };
        if (q.stream !== "1" && q.stream !== "true") return c.json(await ai.analyze(req));
        barsAsOf(await deps.series.get(symbol), q.as_of); // 404 / 422 before the stream starts
        return streamSSE(c, async (stream) => {
          const pending: Promise<void>[] = [];
          try {
            const result = await ai.analyze({
              ...req,
              onToken: (text) =>
                void pending.push(
                  stream.writeSSE({ event: "token", data: JSON.stringify({ text }) }),
                ),
              onRetry: () => void pending.push(stream.writeSSE({ event: "retry", data: "{}" })),
            });
            await Promise.all(pending);
            await stream.writeSSE({ event: "result", data: JSON.stringify(result) });
          } catch (e) {
            await Promise.all(pending);
            const code = e instanceof DomainError ? e.code : "internal_error";
            const message = e instanceof DomainError ? e.message : "Internal server error";
            if (!(e instanceof DomainError)) {
              deps.logger.error("ai stream failed", { error: String(e) });
            }
            await stream.writeSSE({
              event: "error",
              data: JSON.stringify({ error: { code, message } }),
            });
          }
        });
      },
    },
    {
      method: "get",
      path: "/api/ai/track-record",
      summary: "The analysts' track record on the stored data: hit rates against the analytic " +
        "S/(S+T), random-entry and buy-and-hold baselines with 95% intervals, calibration of " +
        "stated confidence (reliability table, Brier, walk-forward re-mapping), rules vs LLM",
      tag: "ai",
      response: TrackRecordReportSchema,
      access: "public",
      scope: "read",
      handler: async (c, { deps }) => {
        const { ai } = aiServices(deps);
        return c.json((await ai.track.book()).report);
      },
    },
    {
      method: "post",
      path: "/api/ai/chat",
      summary:
        "Strategy chat (signed in): asks about a symbol and your backtests; history per session",
      tag: "ai",
      body: AiChatBodySchema,
      response: AiChatResponseSchema,
      errors: [401, 404, 422, 429],
      access: "user",
      use: [aiLimit],
      scope: "ai",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const body = validate(AiChatBodySchema, await readJson(c.req), "body");
        const { chat } = aiServices(deps);
        return c.json(
          await chat.ask({
            user,
            sessionId: body.session_id,
            message: body.message,
            symbol: body.symbol,
            language: body.language,
          }),
        );
      },
    },
    {
      method: "get",
      path: "/api/ai/chat/{session_id}",
      summary: "Messages of one of your chat sessions",
      tag: "ai",
      params: SessionPath,
      response: AiChatHistorySchema,
      errors: [401, 404, 422],
      access: "user",
      scope: "read",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const { session_id } = validate(SessionPath, c.req.param(), "path");
        const { chat } = aiServices(deps);
        const session = await chat.sessions.get(user.id, session_id);
        return c.json({
          session_id,
          symbol: session.symbol,
          messages: await chat.sessions.messages(session_id),
        });
      },
    },
    {
      method: "get",
      path: "/api/ai/usage",
      summary: "Your LLM calls, tokens and estimated cost today (UTC)",
      tag: "ai",
      response: AiUsageReportSchema,
      errors: [401],
      access: "user",
      scope: "read",
      handler: async (c, { deps }) => {
        const user = requireUser(c);
        const { ai } = aiServices(deps);
        return c.json({ day: ai.store.today(), ...(await ai.store.usage({ userId: user.id })) });
      },
    },
  ],
);
