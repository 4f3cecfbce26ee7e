import type { Migration } from "../migrations.ts";

/**
 * The AI analyst's tables: the answer cache, one row per LLM call (tokens, cost, user), the
 * evaluation journal of every stance with its levels, and chat sessions with their messages.
 * Ids are TEXT (random UUIDs); user ids are not foreign keys so the analyst also works for
 * anonymous callers and does not depend on the order of the accounts migrations.
 */
export const m0004: Migration = {
  version: 4,
  name: "ai",
  up: `
      CREATE TABLE ai_cache (
        cache_key TEXT PRIMARY KEY,
        symbol TEXT NOT NULL,
        data_date TEXT NOT NULL,
        model TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        language TEXT NOT NULL,
        result TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE ai_calls (
        id TEXT PRIMARY KEY,
        user_id TEXT,
        kind TEXT NOT NULL,
        symbol TEXT,
        model TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        prompt_tokens INTEGER NOT NULL DEFAULT 0,
        completion_tokens INTEGER NOT NULL DEFAULT 0,
        cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
        day TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE INDEX ai_calls_day ON ai_calls (day);
      CREATE INDEX ai_calls_user_day ON ai_calls (user_id, day);
      CREATE TABLE ai_journal (
        id TEXT PRIMARY KEY,
        symbol TEXT NOT NULL,
        data_date TEXT NOT NULL,
        source TEXT NOT NULL,
        model TEXT NOT NULL,
        prompt_version TEXT NOT NULL,
        language TEXT NOT NULL,
        stance TEXT NOT NULL,
        confidence DOUBLE PRECISION NOT NULL,
        entry DOUBLE PRECISION NOT NULL,
        target DOUBLE PRECISION NOT NULL,
        stop DOUBLE PRECISION NOT NULL,
        horizon_days INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (symbol, data_date, source, model, prompt_version)
      );
      CREATE TABLE ai_chat_sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL,
        symbol TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX ai_chat_sessions_user ON ai_chat_sessions (user_id);
      CREATE TABLE ai_chat_messages (
        id TEXT PRIMARY KEY,
        session_id TEXT NOT NULL REFERENCES ai_chat_sessions(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        role TEXT NOT NULL,
        content TEXT NOT NULL,
        created_at TEXT NOT NULL,
        UNIQUE (session_id, seq)
      );`,
  down: `DROP TABLE ai_chat_messages; DROP TABLE ai_chat_sessions; DROP TABLE ai_journal;
      DROP TABLE ai_calls; DROP TABLE ai_cache;`,
};
