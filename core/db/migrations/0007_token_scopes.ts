import type { Migration } from "../migrations.ts";

/**
 * API token scopes and lineage: `scopes` is the space-separated list of what a token may do
 * (existing tokens keep every scope, today's full account rights); `parent_id` names the token
 * that minted it, so revoking a token revokes the tokens it made.
 */
export const m0007: Migration = {
  version: 7,
  name: "token_scopes",
  up: `
    ALTER TABLE api_tokens ADD COLUMN scopes TEXT NOT NULL
      DEFAULT 'read ai backtest paper:trade data account admin';
    ALTER TABLE api_tokens ADD COLUMN parent_id TEXT;
    CREATE INDEX api_tokens_parent ON api_tokens (parent_id);`,
  down: `
    DROP INDEX api_tokens_parent;
    ALTER TABLE api_tokens DROP COLUMN parent_id;
    ALTER TABLE api_tokens DROP COLUMN scopes;`,
};
