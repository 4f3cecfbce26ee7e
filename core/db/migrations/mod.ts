/**
 * Every migration of the product, in order. Add a new file `NNNN_name.ts` exporting `mNNNN` and
 * one line here; never edit a migration that has been applied.
 *
 * @module
 */
import type { Migration } from "../migrations.ts";
import { m0001 } from "./0001_market_data.ts";

/** All migrations, ascending by version. */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
];
