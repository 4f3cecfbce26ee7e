/**
 * Every migration of the product, in order. Add a new file `NNNN_name.ts` exporting `mNNNN` and
 * one line here; never edit a migration that has been applied.
 *
 * @module
 */
import type { Migration } from "../migrations.ts";
import { m0001 } from "./0001_market_data.ts";
import { m0002 } from "./0002_accounts.ts";
import { m0003 } from "./0003_backtests_paper.ts";
import { m0004 } from "./0004_ai.ts";
import { m0005 } from "./0005_online_data.ts";
import { m0006 } from "./0006_ai_spend.ts";
import { m0007 } from "./0007_token_scopes.ts";
import { m0008 } from "./0008_backtest_retention.ts";
import { m0009 } from "./0009_snake_case_params.ts";
import { m0010 } from "./0010_paper_bot_state.ts";
import { m0011 } from "./0011_paper_allow_short.ts";
import { m0012 } from "./0012_saved_screens.ts";
import { m0013 } from "./0013_alerts.ts";
import { m0014 } from "./0014_intraday.ts";
import { m0015 } from "./0015_notify_email_rotation.ts";
import { m0016 } from "./0016_symbol_name_zh.ts";
import { m0017 } from "./0017_alert_screens.ts";
import { m0018 } from "./0018_paper_bot_interval.ts";
import { m0019 } from "./0019_paper_order_seq.ts";
import { m0020 } from "./0020_watchlists.ts";

/** All migrations, ascending by version. */
export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
  m0016,
  m0017,
  m0018,
  m0019,
  m0020,
];
