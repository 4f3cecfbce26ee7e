/**
 * In-app notifications: the list, the unread count, marking read, and a small in-process hub
 * that wakes this instance's SSE streams at once (streams also re-read the table every few
 * seconds, so firings recorded by another instance arrive too).
 *
 * @module
 */
import type { Db } from "../db/db.ts";

/** A notification on the wire. */
export interface NotificationWire {
  id: string;
  title: string;
  body: Record<string, unknown>;
  alert_id: string | null;
  created_at: string;
  read: boolean;
}

interface Row {
  id: string;
  title: string;
  body: string;
  created_at: number;
  read_at: number | null;
}

const wire = (r: Row): NotificationWire => {
  const body = JSON.parse(r.body) as Record<string, unknown>;
  return {
    id: r.id,
    title: r.title,
    body,
    alert_id: typeof body.alert_id === "string" ? body.alert_id : null,
    created_at: new Date(Number(r.created_at)).toISOString(),
    read: r.read_at !== null,
  };
};

/** The user's latest notifications (newest first), optionally only unread or after a time. */
export async function listNotifications(
  db: Db,
  userId: string,
  { limit = 50, unreadOnly = false, after }: {
    limit?: number;
    unreadOnly?: boolean;
    after?: number;
  } = {},
): Promise<NotificationWire[]> {
  const rows = await db.query<Row>(
    `SELECT id, title, body, created_at, read_at FROM notifications
      WHERE user_id = ? ${unreadOnly ? "AND read_at IS NULL" : ""}
        ${after !== undefined ? "AND created_at > ?" : ""}
      ORDER BY created_at DESC, id DESC LIMIT ?`,
    after !== undefined ? [userId, after, limit] : [userId, limit],
  );
  return rows.map(wire);
}

/** Number of unread notifications of the user. */
export async function unreadCount(db: Db, userId: string): Promise<number> {
  const r = await db.query<{ n: number }>(
    "SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL",
    [userId],
  );
  return Number(r[0]?.n ?? 0);
}

/** Marks the given notifications (or all) of the user read; returns how many changed. */
export async function markRead(
  db: Db,
  userId: string,
  ids: readonly string[] | "all",
  now: number,
): Promise<number> {
  if (ids === "all") {
    return (await db.run(
      "UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL",
      [now, userId],
    )).changes;
  }
  let n = 0;
  for (const id of ids) {
    n += (await db.run(
      "UPDATE notifications SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL",
      [now, id, userId],
    )).changes;
  }
  return n;
}

/** Wakes the SSE streams of a user when this instance records a firing for them. */
export class NotificationHub {
  readonly #waiters = new Map<string, Set<() => void>>();

  /** Resolves at the next {@link notify} for the user or after `ms`, whichever is first. */
  wait(userId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.#waiters.get(userId) ?? new Set();
      this.#waiters.set(userId, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0) this.#waiters.delete(userId);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener("abort", done);
      set.add(done);
    });
  }

  /** Wakes the user's waiting streams. */
  notify(userId: string): void {
    for (const w of [...(this.#waiters.get(userId) ?? [])]) w();
  }
}
