import type { Migration } from "../migrations.ts";

/**
 * Accounts: users, sessions, API tokens, redemption codes, usage, rate-limit counters and
 * pending OpenID Connect logins. Times are epoch milliseconds (BIGINT); secrets are stored only
 * as SHA-256 hashes (tokens, codes, states) or scrypt hashes (passwords).
 */
export const m0002: Migration = {
  version: 2,
  name: "accounts",
  up: `
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE,
        password_hash TEXT,
        google_sub TEXT UNIQUE,
        role TEXT NOT NULL DEFAULT 'user' CHECK (role IN ('user', 'admin')),
        plan TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'premium')),
        free_remaining INTEGER NOT NULL DEFAULT 3 CHECK (free_remaining >= 0),
        credits INTEGER NOT NULL DEFAULT 0 CHECK (credits >= 0),
        daily_day TEXT,
        daily_used INTEGER NOT NULL DEFAULT 0,
        created_at BIGINT NOT NULL
      );
      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at BIGINT NOT NULL,
        last_seen_at BIGINT NOT NULL,
        expires_at BIGINT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions (user_id);
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        prefix TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        last_used_at BIGINT
      );
      CREATE INDEX api_tokens_user ON api_tokens (user_id);
      CREATE TABLE redemption_codes (
        id TEXT PRIMARY KEY,
        code_hash TEXT NOT NULL UNIQUE,
        hint TEXT NOT NULL,
        amount INTEGER NOT NULL CHECK (amount > 0),
        max_uses INTEGER NOT NULL CHECK (max_uses > 0),
        uses INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0),
        expires_at BIGINT,
        note TEXT,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at BIGINT NOT NULL,
        revoked_at BIGINT
      );
      CREATE TABLE redemptions (
        code_id TEXT NOT NULL REFERENCES redemption_codes(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        amount INTEGER NOT NULL,
        redeemed_at BIGINT NOT NULL,
        PRIMARY KEY (code_id, user_id)
      );
      CREATE TABLE usage_events (
        id {{id}},
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        source TEXT NOT NULL,
        created_at BIGINT NOT NULL
      );
      CREATE INDEX usage_events_user_time ON usage_events (user_id, created_at);
      CREATE TABLE rate_limits (
        bucket TEXT NOT NULL,
        window_start BIGINT NOT NULL,
        hits INTEGER NOT NULL,
        PRIMARY KEY (bucket, window_start)
      );
      CREATE TABLE oidc_logins (
        state_hash TEXT PRIMARY KEY,
        nonce TEXT NOT NULL,
        code_verifier TEXT NOT NULL,
        return_to TEXT NOT NULL,
        expires_at BIGINT NOT NULL
      );`,
  down: `
      DROP TABLE oidc_logins; DROP TABLE rate_limits; DROP TABLE usage_events;
      DROP TABLE redemptions; DROP TABLE redemption_codes; DROP TABLE api_tokens;
      DROP TABLE sessions; DROP TABLE users;`,
};
