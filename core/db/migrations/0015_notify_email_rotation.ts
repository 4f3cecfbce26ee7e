import type { Migration } from "../migrations.ts";

/**
 * E-mail endpoints and webhook secret rotation (issue 16). An e-mail endpoint is a
 * `notify_endpoints` row of kind `email` whose `url` is `mailto:<address>`; it starts
 * `unconfirmed` with the SHA-256 of a confirmation token (the token itself is only in the
 * mail) and becomes `active` when the token is presented before `confirm_expires_at`.
 * `language` picks the mail templates (`en`, `zh-TW`). A rotated webhook keeps its previous
 * secret in `previous_secret` until `previous_secret_until` (ms): deliveries meanwhile carry
 * both signatures.
 */
export const m0015: Migration = {
  version: 15,
  name: "notify_email_rotation",
  up: `
    ALTER TABLE notify_endpoints ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
    ALTER TABLE notify_endpoints ADD COLUMN confirm_token_hash TEXT;
    ALTER TABLE notify_endpoints ADD COLUMN confirm_expires_at BIGINT;
    ALTER TABLE notify_endpoints ADD COLUMN confirmed_at BIGINT;
    ALTER TABLE notify_endpoints ADD COLUMN previous_secret TEXT;
    ALTER TABLE notify_endpoints ADD COLUMN previous_secret_until BIGINT;
    CREATE UNIQUE INDEX notify_endpoints_confirm ON notify_endpoints (confirm_token_hash);`,
  down: `
    DROP INDEX notify_endpoints_confirm;
    ALTER TABLE notify_endpoints DROP COLUMN previous_secret_until;
    ALTER TABLE notify_endpoints DROP COLUMN previous_secret;
    ALTER TABLE notify_endpoints DROP COLUMN confirmed_at;
    ALTER TABLE notify_endpoints DROP COLUMN confirm_expires_at;
    ALTER TABLE notify_endpoints DROP COLUMN confirm_token_hash;
    ALTER TABLE notify_endpoints DROP COLUMN language;`,
};
