/**
 * Reservations against the AI limits, race-free on SQLite and PostgreSQL (migration 0006):
 * before an LLM call the estimated maximum cost is added to today's `budget` row with one
 * conditional `UPDATE … WHERE usd + cost <= budget`, and a free user's chat reply takes one
 * place of the `chat:<user id>` row with `… WHERE calls < limit`; the statement's `changes` says
 * whether it won. Under PostgreSQL's row locks a concurrent update re-checks the condition on
 * the committed row (as core/auth/quota.ts does for analyses), and SQLite serialises writers, so
 * parallel requests on any number of instances never spend past a limit. After the call the
 * reservation is settled to the actual cost, or released when the call failed.
 *
 * @module
 */
import { zodResponseFormat } from "openai/helpers/zod";
import { AnalystOutputSchema } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import { estimateCost, maxCallCost } from "./cost.ts";
import type { LlmClient, LlmMessage, LlmUsage } from "./llm_client.ts";

/** Output tokens one call may produce (the cap sent with each request, and reserved for). */
export const MAX_OUTPUT_TOKENS = 1200;

/** Raised when today's budget has no room left for one more call (the rules then answer). */
export class BudgetExhaustedError extends Error {
  /** @param reason the `fallback_reason` to show */
  constructor(reason: string) {
    super(reason);
    this.name = "BudgetExhaustedError";
  }
}

let formatBytes: number | undefined;

/** Bytes of the analyst's structured-output schema sent with each request (computed once). */
function analystFormatBytes(): number {
  // deno-lint-ignore no-explicit-any
  formatBytes ??= JSON.stringify(zodResponseFormat(AnalystOutputSchema as any, "analysis")).length;
  return formatBytes;
}

/**
 * USD to reserve before one call of `messages`: its most possible cost (structured calls also
 * send the analyst's schema).
 */
export function callReservationUsd(
  llm: LlmClient,
  messages: readonly LlmMessage[],
  structured: boolean,
): number {
  return maxCallCost(llm.model, messages.map((m) => m.content), {
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    extraBytes: structured ? analystFormatBytes() : 0,
    selfHosted: llm.selfHosted,
  });
}

/**
 * What a reservation settles to: the reported usage's cost; for a failure without usage
 * nothing, except a timeout, which keeps the reservation (the server may have done the work).
 */
export function settledUsd(
  llm: LlmClient,
  hold: BudgetHold,
  usage: LlmUsage | null,
  failure?: string,
): number {
  if (usage) return estimateCost(llm.model, usage, { selfHosted: llm.selfHosted });
  return failure === "timeout" ? hold.usd : 0;
}

/** A budget reservation held while one LLM call is in flight. */
export interface BudgetHold {
  /** UTC day it was taken on (settled on the same day's row). */
  day: string;
  /** USD reserved. */
  usd: number;
}

/**
 * Creates the row of `scope` on `day` when missing, starting from what `ai_calls` already
 * recorded that day (so a limit holds on the day this table appears).
 */
async function ensureRow(tx: Db, scope: string, day: string, userId: string | null) {
  const mine = userId === null ? "" : " AND user_id = ? AND kind = 'chat'";
  await tx.run(
    `INSERT INTO ai_spend (scope, day, calls, usd)
     SELECT ?, ?, COUNT(*), COALESCE(SUM(cost_usd), 0) FROM ai_calls WHERE day = ?${mine}
     ON CONFLICT (scope, day) DO NOTHING`,
    userId === null ? [scope, day, day] : [scope, day, day, userId],
  );
}

/** Today's budget and chat counters of one database. */
export class AiSpend {
  readonly #db: Db;

  /** @param db the database (migrated to version 6) */
  constructor(db: Db) {
    this.#db = db;
  }

  /**
   * Reserves `usd` of `day`'s budget of `budgetUsd`; null (nothing reserved) when it would go
   * past it. A zero-cost call (self-hosted model) is refused only once the budget is spent.
   *
   * @example
   * ```ts
   * import { migrateUp } from "../db/migrations.ts";
   * import { openSqlite } from "../db/sqlite.ts";
   * import { AiSpend } from "./spend.ts";
   *
   * const db = await openSqlite(":memory:");
   * await migrateUp(db);
   * const spend = new AiSpend(db);
   * const hold = await spend.reserve("2024-01-02", 0.002, 5); // the estimate, against $5 a day
   * if (hold) {
   *   try {
   *     // … call the model …
   *   } finally {
   *     await spend.settle(hold, 0.0013); // what the call really cost
   *   }
   * }
   * await db.close();
   * ```
   */
  async reserve(day: string, usd: number, budgetUsd: number): Promise<BudgetHold | null> {
    const won = await this.#db.transaction(async (tx) => {
      await ensureRow(tx, "budget", day, null);
      const r = await tx.run(
        `UPDATE ai_spend SET usd = usd + ?, calls = calls + 1
         WHERE scope = 'budget' AND day = ? AND usd + ? <= ? AND usd < ?`,
        [usd, day, usd, budgetUsd, budgetUsd],
      );
      return r.changes === 1;
    });
    return won ? { day, usd } : null;
  }

  /** Replaces the reservation by the call's actual cost (0 releases it). */
  async settle(hold: BudgetHold, actualUsd: number): Promise<void> {
    await this.#db.run(
      "UPDATE ai_spend SET usd = usd - ? + ? WHERE scope = 'budget' AND day = ?",
      [hold.usd, actualUsd, hold.day],
    );
  }

  /** Takes one of `limit` chat replies of `userId` on `day`; false when none is left. */
  async takeChat(userId: string, day: string, limit: number): Promise<boolean> {
    const scope = `chat:${userId}`;
    return await this.#db.transaction(async (tx) => {
      await ensureRow(tx, scope, day, userId);
      const r = await tx.run(
        "UPDATE ai_spend SET calls = calls + 1 WHERE scope = ? AND day = ? AND calls < ?",
        [scope, day, limit],
      );
      return r.changes === 1;
    });
  }

  /** Gives back a chat reply taken by {@link takeChat} (the LLM did not answer). */
  async returnChat(userId: string, day: string): Promise<void> {
    await this.#db.run(
      "UPDATE ai_spend SET calls = calls - 1 WHERE scope = ? AND day = ? AND calls > 0",
      [`chat:${userId}`, day],
    );
  }

  /** USD counted on `day`'s budget (settled costs plus reservations in flight). */
  async budgetUsed(day: string): Promise<number> {
    const rows = await this.#db.query<{ usd: number }>(
      "SELECT usd FROM ai_spend WHERE scope = 'budget' AND day = ?",
      [day],
    );
    return Number(rows[0]?.usd ?? 0);
  }
}
