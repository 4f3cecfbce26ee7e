/**
 * Storage of alerts: create (within the plan's active-alert limit, checked in the same
 * transaction as the insert, the user's row locked on PostgreSQL so that parallel requests on
 * several instances cannot exceed it), list, update, delete, and the active alerts the
 * evaluator loads.
 *
 * @module
 */
import { NotFoundError, QuotaExceededError, ValidationError } from "@trading/shared/errors";
import type { Alert } from "@trading/shared/schemas";
import type { Db } from "../db/db.ts";
import type { AlertCondition, AlertDef, AlertStatus, TriggerMode } from "./types.ts";

/** What a new alert is made of (validated). */
export interface NewAlert {
  /** Display name. */
  name: string;
  /** `symbol`, `watchlist` or `screen`. */
  target: "symbol" | "watchlist" | "screen";
  /** The saved screen of a `screen` alert. */
  screenId?: string | null;
  /** Symbols watched. */
  symbols: string[];
  /** Condition. */
  condition: AlertCondition;
  /** Trigger mode. */
  trigger: TriggerMode;
  /** Expiry, ms, or null. */
  expiresAt: number | null;
  /** Seconds between firings. */
  cooldownS: number;
  /** Endpoint ids. */
  endpoints: string[];
}

interface AlertRow {
  id: string;
  user_id: string;
  name: string;
  target: "symbol" | "watchlist" | "screen";
  symbols: string;
  screen_id: string | null;
  condition: string;
  trigger_mode: TriggerMode;
  expires_at: number | null;
  cooldown_s: number;
  endpoints: string;
  status: AlertStatus;
  created_at: number;
  updated_at: number;
  last_fired_at: number | null;
  fired_count: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(Number(ms)).toISOString());

/** The wire form of a stored alert. */
export function alertToWire(r: AlertRow): Alert {
  return {
    id: r.id,
    name: r.name,
    target: r.target,
    symbols: JSON.parse(r.symbols),
    screen_id: r.screen_id ?? null,
    condition: JSON.parse(r.condition),
    trigger: r.trigger_mode,
    expires_at: iso(r.expires_at),
    cooldown: Number(r.cooldown_s),
    endpoints: JSON.parse(r.endpoints),
    status: r.status,
    created_at: iso(r.created_at)!,
    updated_at: iso(r.updated_at)!,
    last_fired_at: iso(r.last_fired_at),
    fired_count: Number(r.fired_count),
  };
}

/** Active-alert limits per plan. */
export interface AlertLimits {
  /** Free plan. */
  free: number;
  /** Premium plan. */
  premium: number;
}

async function lockUser(tx: Db, userId: string): Promise<void> {
  if (tx.dialect === "postgres") {
    await tx.query("SELECT id FROM users WHERE id = ? FOR UPDATE", [userId]);
  }
}

async function checkLimit(
  tx: Db,
  user: { id: string; plan: "free" | "premium" },
  limits: AlertLimits,
): Promise<void> {
  const limit = limits[user.plan];
  const r = await tx.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM alerts WHERE user_id = ? AND status = 'active'",
    [user.id],
  );
  if (Number(r[0]?.n ?? 0) >= limit) {
    throw new QuotaExceededError(
      `Cannot activate another alert: the ${user.plan} plan allows ${limit} active alerts. ` +
        "Pause or delete one first" + (user.plan === "free" ? ", or upgrade to premium." : "."),
    );
  }
}

async function checkEndpoints(tx: Db, userId: string, ids: readonly string[]): Promise<void> {
  for (const [i, id] of ids.entries()) {
    const r = await tx.query("SELECT 1 AS ok FROM notify_endpoints WHERE id = ? AND user_id = ?", [
      id,
      userId,
    ]);
    if (!r.length) {
      throw new ValidationError(`Invalid body: endpoints.${i}: no endpoint ${id}`, [
        { field: `endpoints.${i}`, message: `no notification endpoint with id ${id}` },
      ]);
    }
  }
}

/** Alerts of users, on any {@link Db}. */
export class AlertStore {
  readonly #db: Db;
  /** @param db an open, migrated database */
  constructor(db: Db) {
    this.#db = db;
  }

  /** Creates an active alert; 429 `QuotaExceededError` beyond the plan's limit. */
  async create(
    user: { id: string; plan: "free" | "premium" },
    a: NewAlert,
    { limits, now }: { limits: AlertLimits; now: number },
  ): Promise<Alert> {
    const id = `alr_${crypto.randomUUID().replaceAll("-", "")}`;
    await this.#db.transaction(async (tx) => {
      await lockUser(tx, user.id);
      await checkEndpoints(tx, user.id, a.endpoints);
      await checkLimit(tx, user, limits);
      await tx.run(
        `INSERT INTO alerts (id, user_id, name, target, symbols, condition, trigger_mode,
           expires_at, cooldown_s, endpoints, status, created_at, updated_at, screen_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
        [
          id,
          user.id,
          a.name,
          a.target,
          JSON.stringify(a.symbols),
          JSON.stringify(a.condition),
          a.trigger,
          a.expiresAt,
          a.cooldownS,
          JSON.stringify(a.endpoints),
          now,
          now,
          a.screenId ?? null,
        ],
      );
    });
    return (await this.get(user.id, id))!;
  }

  /** One of the user's alerts, or null. */
  async get(userId: string, id: string): Promise<Alert | null> {
    const r = await this.#db.query<AlertRow>("SELECT * FROM alerts WHERE id = ? AND user_id = ?", [
      id,
      userId,
    ]);
    return r[0] ? alertToWire(r[0]) : null;
  }

  /** The user's alerts, newest first, and how many are active. */
  async list(userId: string): Promise<{ alerts: Alert[]; active: number }> {
    const rows = await this.#db.query<AlertRow>(
      "SELECT * FROM alerts WHERE user_id = ? ORDER BY created_at DESC, id LIMIT 1000",
      [userId],
    );
    const alerts = rows.map(alertToWire);
    return { alerts, active: alerts.filter((a) => a.status === "active").length };
  }

  /** Updates an alert; re-activating one counts against the limit. */
  async update(
    user: { id: string; plan: "free" | "premium" },
    id: string,
    patch: {
      name?: string;
      status?: "active" | "paused";
      trigger?: TriggerMode;
      expiresAt?: number | null;
      cooldownS?: number;
      endpoints?: string[];
    },
    { limits, now }: { limits: AlertLimits; now: number },
  ): Promise<Alert> {
    await this.#db.transaction(async (tx) => {
      await lockUser(tx, user.id);
      const cur = await tx.query<AlertRow>("SELECT * FROM alerts WHERE id = ? AND user_id = ?", [
        id,
        user.id,
      ]);
      const row = cur[0];
      if (!row) throw new NotFoundError(`Alert ${id} not found`);
      if (patch.endpoints) await checkEndpoints(tx, user.id, patch.endpoints);
      if (patch.status === "active" && row.status !== "active") {
        await checkLimit(tx, user, limits);
      }
      const sets: string[] = ["updated_at = ?"];
      const params: (string | number | null)[] = [now];
      const set = (col: string, v: string | number | null) => {
        sets.push(`${col} = ?`);
        params.push(v);
      };
      if (patch.name !== undefined) set("name", patch.name);
      if (patch.status !== undefined) set("status", patch.status);
      if (patch.trigger !== undefined) set("trigger_mode", patch.trigger);
      if (patch.expiresAt !== undefined) set("expires_at", patch.expiresAt);
      if (patch.cooldownS !== undefined) set("cooldown_s", patch.cooldownS);
      if (patch.endpoints !== undefined) set("endpoints", JSON.stringify(patch.endpoints));
      await tx.run(`UPDATE alerts SET ${sets.join(", ")} WHERE id = ?`, [...params, id]);
    });
    return (await this.get(user.id, id))!;
  }

  /** Deletes an alert with its history; false when it is not the user's. */
  async delete(userId: string, id: string): Promise<boolean> {
    const r = await this.#db.run("DELETE FROM alerts WHERE id = ? AND user_id = ?", [id, userId]);
    return r.changes > 0;
  }

  /** Marks active alerts past their expiry `expired`; returns how many. */
  async expire(now: number): Promise<number> {
    const r = await this.#db.run(
      "UPDATE alerts SET status = 'expired', updated_at = ? WHERE status = 'active' AND expires_at <= ?",
      [now, now],
    );
    return r.changes;
  }

  /** Every active, unexpired alert, as the evaluator needs it. */
  async active(now: number): Promise<AlertDef[]> {
    const rows = await this.#db.query<AlertRow>(
      `SELECT id, user_id, name, symbols, screen_id, condition, trigger_mode, endpoints FROM alerts
        WHERE status = 'active' AND (expires_at IS NULL OR expires_at > ?)`,
      [now],
    );
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      symbols: JSON.parse(r.symbols),
      screenId: r.screen_id ?? null,
      condition: JSON.parse(r.condition),
      trigger: r.trigger_mode,
      endpoints: JSON.parse(r.endpoints),
    }));
  }
}
