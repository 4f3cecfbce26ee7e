import type { Migration } from "../migrations.ts";

/**
 * Alerts and their delivery (issue 16). `alert_firings` holds one row per (alert, fire key):
 * the unique constraint is what makes a firing happen once across instances and restarts.
 * Deliveries are the outbox, written in the firing's transaction; each attempt is kept.
 * `jobs` is the in-process job runner's queue on SQLite (PostgreSQL uses graphile-worker's
 * own schema). Times are milliseconds since the epoch. Existing API tokens that held every
 * scope also get the new `alerts` scope.
 */
export const m0013: Migration = {
  version: 13,
  name: "alerts",
  up: `
    CREATE TABLE alerts (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      name TEXT NOT NULL,
      target TEXT NOT NULL,
      symbols TEXT NOT NULL,
      condition TEXT NOT NULL,
      trigger_mode TEXT NOT NULL,
      expires_at BIGINT,
      cooldown_s INTEGER NOT NULL DEFAULT 0,
      endpoints TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      updated_at BIGINT NOT NULL,
      last_fired_at BIGINT,
      fired_count INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX alerts_user ON alerts (user_id, status);
    CREATE INDEX alerts_status ON alerts (status);
    CREATE TABLE alert_firings (
      id TEXT PRIMARY KEY,
      alert_id TEXT NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      fire_key TEXT NOT NULL,
      symbol TEXT NOT NULL,
      bar_date TEXT NOT NULL,
      source TEXT NOT NULL,
      payload TEXT NOT NULL,
      fired_at BIGINT NOT NULL,
      UNIQUE (alert_id, fire_key)
    );
    CREATE INDEX alert_firings_alert ON alert_firings (alert_id, fired_at);
    CREATE TABLE notify_endpoints (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      kind TEXT NOT NULL,
      url TEXT NOT NULL,
      secret TEXT NOT NULL,
      status TEXT NOT NULL,
      disabled_reason TEXT,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX notify_endpoints_user ON notify_endpoints (user_id);
    CREATE TABLE alert_deliveries (
      id TEXT PRIMARY KEY,
      firing_id TEXT NOT NULL REFERENCES alert_firings (id) ON DELETE CASCADE,
      user_id TEXT NOT NULL,
      endpoint_id TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_attempt_at BIGINT,
      lease_until BIGINT,
      last_status INTEGER,
      last_error TEXT,
      delivered_at BIGINT,
      created_at BIGINT NOT NULL,
      UNIQUE (firing_id, endpoint_id)
    );
    CREATE INDEX alert_deliveries_status ON alert_deliveries (status, next_attempt_at);
    CREATE TABLE alert_delivery_attempts (
      id {{id}},
      delivery_id TEXT NOT NULL REFERENCES alert_deliveries (id) ON DELETE CASCADE,
      attempt INTEGER NOT NULL,
      at BIGINT NOT NULL,
      status_code INTEGER,
      error TEXT,
      duration_ms INTEGER NOT NULL
    );
    CREATE INDEX alert_delivery_attempts_delivery ON alert_delivery_attempts (delivery_id, attempt);
    CREATE TABLE notifications (
      id TEXT PRIMARY KEY,
      user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      firing_id TEXT REFERENCES alert_firings (id) ON DELETE CASCADE,
      title TEXT NOT NULL,
      body TEXT NOT NULL,
      created_at BIGINT NOT NULL,
      read_at BIGINT
    );
    CREATE INDEX notifications_user ON notifications (user_id, created_at);
    CREATE TABLE alert_watermarks (
      symbol TEXT PRIMARY KEY,
      last_date TEXT NOT NULL
    );
    CREATE TABLE jobs (
      id TEXT PRIMARY KEY,
      task TEXT NOT NULL,
      payload TEXT NOT NULL,
      job_key TEXT UNIQUE,
      run_at BIGINT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      max_attempts INTEGER NOT NULL,
      locked_until BIGINT,
      last_error TEXT,
      created_at BIGINT NOT NULL
    );
    CREATE INDEX jobs_run_at ON jobs (run_at);
    UPDATE api_tokens SET scopes = scopes || ' alerts'
     WHERE scopes = 'read ai backtest paper:trade data account admin';`,
  down: `
    DROP TABLE jobs;
    DROP TABLE alert_watermarks;
    DROP TABLE notifications;
    DROP TABLE alert_delivery_attempts;
    DROP TABLE alert_deliveries;
    DROP TABLE notify_endpoints;
    DROP TABLE alert_firings;
    DROP TABLE alerts;
    UPDATE api_tokens SET scopes = replace(scopes, ' alerts', '');`,
};
