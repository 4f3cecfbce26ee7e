import assert from "node:assert/strict";
import { CoreEnvSchema, loadConfig } from "@trading/shared/config";
import { QuotaExceededError } from "@trading/shared/errors";
import { createLogger } from "@trading/shared/log";
import { backendTest, DATA_DIR, freshDatabaseUrl } from "../../tests/helpers/backends.ts";
import { type FakeHandler, startFakeOpenAI } from "../../tests/helpers/fake_openai.ts";
import { createUser, toAuthUser } from "../auth/users.ts";
import { openDatabase } from "../db/open.ts";
import { buildDeps } from "../deps.ts";
import { CHAT_DAILY_LIMIT, ChatService } from "./chat.ts";
import { AiService } from "./service.ts";
import { groundedAnswer } from "./test_llm.ts";

const NOW = Date.UTC(2024, 0, 2, 12);
/** What the fake reports per call: gpt-4o-mini prices it at $0.00045. */
const USAGE = { prompt_tokens: 1000, completion_tokens: 500 };
const CALL_USD = 0.00045;

/** A fake model that holds every answer 150 ms, so the requests overlap. */
const slow: FakeHandler = async (req) => {
  await new Promise((r) => setTimeout(r, 150));
  return req.body.response_format
    ? { json: groundedAnswer(req), usage: USAGE }
    : { text: "The RSI strategy lost in 2015 because the range broke down.", usage: USAGE };
};

/**
 * Two instances of core on one database: on PostgreSQL two connection pools; on SQLite the one
 * in-memory connection (node:sqlite is synchronous, so a second in-process connection would
 * block the event loop on the file lock), as core/auth/quota_test.ts does.
 */
async function twoInstances(backend: "sqlite" | "postgres", env: Record<string, string>) {
  const fake = startFakeOpenAI(slow);
  const config = loadConfig(CoreEnvSchema, {
    DATABASE_URL: await freshDatabaseUrl(backend, { seeded: true }),
    DATA_DIR,
    OPENAI_API_KEY: "test-key",
    OPENAI_BASE_URL: fake.baseURL,
    AI_TIMEOUT_MS: "5000",
    ...env,
  });
  const deps = await buildDeps(config, createLogger({ service: "test", write: () => {} }));
  const db2 = backend === "postgres" ? await openDatabase(config.DATABASE_URL) : deps.db;
  const instances = [deps, { ...deps, db: db2 }].map((d) => {
    const ai = new AiService(d, { now: () => NOW });
    return { ai, chat: new ChatService(d, ai, () => NOW) };
  });
  return {
    deps,
    fake,
    instances,
    async user(email: string, plan: "free" | "premium") {
      const row = await createUser(deps.db, { email, now: NOW });
      await deps.db.run("UPDATE users SET plan = ? WHERE id = ?", [plan, row.id]);
      return { ...toAuthUser(row), plan };
    },
    async spentUsd(): Promise<number> {
      const [r] = await deps.db.query<{ usd: number }>(
        "SELECT COALESCE(SUM(cost_usd), 0) AS usd FROM ai_calls",
      );
      return Number(r!.usd);
    },
    async close() {
      await fake.close();
      if (db2 !== deps.db) await db2.close();
      await deps.db.close();
    },
  };
}

backendTest(
  `ChatService.ask() - 60 concurrent chats on two instances: exactly ${CHAT_DAILY_LIMIT} LLM replies, the rest 429`,
  async (backend) => {
    const t = await twoInstances(backend, { AI_DAILY_BUDGET_USD: "100" });
    try {
      const user = await t.user("chatty@example.com", "free");
      const results = await Promise.allSettled(
        Array.from({ length: 60 }, (_, i) =>
          t.instances[i % 2]!.chat.ask({
            user,
            message: `question ${i}`,
            symbol: "AAPL",
            language: "en",
          })),
      );
      const llm = results.filter((r) => r.status === "fulfilled" && r.value.source === "llm");
      const refused = results.filter((r) =>
        r.status === "rejected" && r.reason instanceof QuotaExceededError
      );
      assert.equal(llm.length, CHAT_DAILY_LIMIT);
      assert.equal(refused.length, 60 - CHAT_DAILY_LIMIT);
      assert.equal(t.fake.requests.length, CHAT_DAILY_LIMIT, "no call beyond the limit was made");
    } finally {
      await t.close();
    }
  },
);

backendTest(
  "AiService and ChatService - 40 concurrent calls on two instances never spend past AI_DAILY_BUDGET_USD",
  async (backend) => {
    const budget = 0.005;
    const t = await twoInstances(backend, { AI_DAILY_BUDGET_USD: String(budget) });
    try {
      const user = await t.user("rich@example.com", "premium");
      const results = await Promise.all(
        Array.from({ length: 40 }, (_, i) => {
          const { ai, chat } = t.instances[i % 2]!;
          return i % 2
            ? ai.analyze({ symbol: "AAPL", language: "en", user })
            : chat.ask({ user, message: `q${i}`, symbol: "MSFT", language: "en" });
        }),
      );
      const llm = results.filter((r) => r.source === "llm").length;
      const rules = results.filter((r) => r.source === "rules");
      assert.ok(llm >= 1, "some calls fit the budget");
      assert.equal(llm + rules.length, 40);
      for (const r of rules) assert.match(r.fallback_reason!, /^budget_exhausted: /);
      assert.equal(t.fake.requests.length, llm, "every refused call was refused before the LLM");
      const spent = await t.spentUsd();
      assert.ok(spent <= budget + 1e-9, `spent $${spent} of a $${budget} budget`);
      assert.ok(Math.abs(spent - llm * CALL_USD) < 1e-9);
      const counted = await t.instances[0]!.ai.spend.budgetUsed("2024-01-02");
      assert.ok(Math.abs(counted - spent) < 1e-9, "every reservation was settled to its cost");
    } finally {
      await t.close();
    }
  },
);

backendTest(
  "ChatService.ask() - a failed LLM call gives back its reservation and the user's chat reply",
  async (backend) => {
    const t = await twoInstances(backend, { AI_DAILY_BUDGET_USD: "1" });
    const fake = startFakeOpenAI(() => ({ status: 500 }));
    try {
      const deps = { ...t.deps, config: { ...t.deps.config, OPENAI_BASE_URL: fake.baseURL } };
      const ai = new AiService(deps, { now: () => NOW });
      const chat = new ChatService(deps, ai, () => NOW);
      const user = await t.user("unlucky@example.com", "free");
      const r = await chat.ask({ user, message: "hi", symbol: "AAPL", language: "en" });
      assert.equal(r.source, "rules");
      assert.match(r.fallback_reason!, /^llm_upstream: /);
      assert.equal(await ai.spend.budgetUsed("2024-01-02"), 0, "nothing billed, nothing counted");
      const [row] = await t.deps.db.query<{ calls: number }>(
        "SELECT calls FROM ai_spend WHERE scope = ?",
        [`chat:${user.id}`],
      );
      assert.equal(Number(row!.calls), 0, "the reply the LLM did not give is not counted");
    } finally {
      await fake.close();
      await t.close();
    }
  },
);
