import assert from "node:assert/strict";
import { backendTest, openTestDb } from "../../tests/helpers/backends.ts";
import { migrateUp } from "../db/migrations.ts";
import { AiSpend } from "./spend.ts";
import { AiStore } from "./store.ts";

const NOW = Date.UTC(2024, 0, 2, 12);
const DAY = "2024-01-02";

backendTest(
  "AiSpend - reserve up to the budget, settle to the real cost, release",
  async (backend) => {
    const db = await openTestDb(backend);
    try {
      await migrateUp(db);
      const spend = new AiSpend(db);
      const a = await spend.reserve(DAY, 0.4, 1);
      const b = await spend.reserve(DAY, 0.4, 1);
      assert.ok(a && b);
      assert.equal(await spend.reserve(DAY, 0.4, 1), null, "0.8 + 0.4 would pass 1");
      await spend.settle(a, 0.1);
      await spend.settle(b, 0);
      assert.ok(Math.abs(await spend.budgetUsed(DAY) - 0.1) < 1e-12);
      assert.ok(await spend.reserve(DAY, 0.9, 1), "room again after settling");
      assert.equal(await spend.reserve(DAY, 0, 1), null, "a free call is refused once it is spent");
      assert.ok(await spend.reserve("2024-01-03", 0.4, 1), "a new day has its own budget");
      assert.equal(await spend.reserve(DAY, 0, 0), null, "a budget of 0 turns the LLM off");
    } finally {
      await db.close();
    }
  },
);

backendTest(
  "AiSpend - chat replies per user and day start from the calls already recorded",
  async (backend) => {
    const db = await openTestDb(backend);
    try {
      await migrateUp(db);
      const store = new AiStore(db, () => NOW);
      for (
        const [userId, kind, costUsd] of [["u1", "chat", 0.25], ["u1", "analyze", 0.5]] as const
      ) {
        await store.recordCall({
          userId,
          kind,
          symbol: null,
          model: "gpt-4o-mini",
          status: "ok",
          error: null,
          promptTokens: 1,
          completionTokens: 1,
          costUsd,
        });
      }
      const spend = new AiSpend(db);
      assert.equal(await spend.takeChat("u1", DAY, 2), true, "1 recorded + this one = 2");
      assert.equal(await spend.takeChat("u1", DAY, 2), false);
      await spend.returnChat("u1", DAY);
      assert.equal(await spend.takeChat("u1", DAY, 2), true);
      assert.equal(await spend.takeChat("u2", DAY, 2), true, "users are counted apart");
      assert.equal(await spend.reserve(DAY, 0.3, 1), null, "0.75 already recorded today + 0.3 > 1");
      assert.ok(await spend.reserve(DAY, 0.25, 1));
    } finally {
      await db.close();
    }
  },
);
