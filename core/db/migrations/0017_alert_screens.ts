import type { Migration } from "../migrations.ts";

/**
 * Alerts on a saved screen (issue 16): `screen_id` names the user's saved screen whose current
 * results are the alert's symbols (`target` = `screen`, `symbols` empty). Deleting the screen
 * leaves the alert watching nothing.
 */
export const m0017: Migration = {
  version: 17,
  name: "alert_screens",
  up: `ALTER TABLE alerts ADD COLUMN screen_id TEXT;`,
  down: `ALTER TABLE alerts DROP COLUMN screen_id;`,
};
