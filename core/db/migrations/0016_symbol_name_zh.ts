import type { Migration } from "../migrations.ts";

/**
 * A symbol's Chinese name where the data gives one (TWSE's documents name each stock, e.g.
 * 台積電 for 2330): shown in the zh-TW UI and searched with the code and the name.
 */
export const m0016: Migration = {
  version: 16,
  name: "symbol_name_zh",
  up: `ALTER TABLE symbols ADD COLUMN name_zh TEXT;`,
  down: `ALTER TABLE symbols DROP COLUMN name_zh;`,
};
