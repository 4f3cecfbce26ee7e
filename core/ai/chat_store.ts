/**
 * Chat sessions and their messages, per user (migration 0004). Portable SQL.
 *
 * @module
 */
import { NotFoundError } from "@trading/shared/errors";
import type { Db } from "../db/db.ts";

/** A chat session. */
export interface ChatSession {
  /** Session id. */
  id: string;
  /** Owner. */
  userId: string;
  /** Symbol discussed, when any. */
  symbol: string | null;
}

/** One stored message. */
export interface ChatMessage {
  /** Who wrote it. */
  role: "user" | "assistant";
  /** Text. */
  content: string;
  /** When (ISO). */
  created_at: string;
}

/** Chat storage bound to a database and a clock. */
export class ChatStore {
  readonly #db: Db;
  readonly #now: () => number;

  /**
   * @param db the database
   * @param now clock in ms since epoch
   */
  constructor(db: Db, now: () => number) {
    this.#db = db;
    this.#now = now;
  }

  /** The session `id` of `userId`; 404 when it does not exist or belongs to someone else. */
  async get(userId: string, id: string): Promise<ChatSession> {
    const rows = await this.#db.query<{ id: string; user_id: string; symbol: string | null }>(
      "SELECT id, user_id, symbol FROM ai_chat_sessions WHERE id = ? AND user_id = ?",
      [id, userId],
    );
    const r = rows[0];
    if (!r) throw new NotFoundError(`No chat session ${id}`, { session_id: id });
    return { id: r.id, userId: r.user_id, symbol: r.symbol };
  }

  /** Creates a session. */
  async create(userId: string, symbol: string | null): Promise<ChatSession> {
    const id = crypto.randomUUID();
    const at = new Date(this.#now()).toISOString();
    await this.#db.run(
      `INSERT INTO ai_chat_sessions (id, user_id, symbol, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?)`,
      [id, userId, symbol, at, at],
    );
    return { id, userId, symbol };
  }

  /** The last `limit` messages of a session, oldest first. */
  async messages(sessionId: string, limit = 1000): Promise<ChatMessage[]> {
    const rows = await this.#db.query<ChatMessage & { seq: number }>(
      `SELECT role, content, created_at, seq FROM ai_chat_messages WHERE session_id = ?
       ORDER BY seq DESC LIMIT ?`,
      [sessionId, limit],
    );
    return rows.reverse().map((r) => ({
      role: r.role === "assistant" ? "assistant" : "user",
      content: r.content,
      created_at: r.created_at,
    }));
  }

  /** Appends a user message and the assistant's reply in one transaction. */
  async append(session: ChatSession, user: string, reply: string, symbol: string | null) {
    const at = new Date(this.#now()).toISOString();
    await this.#db.transaction(async (tx) => {
      const rows = await tx.query<{ seq: number | null }>(
        "SELECT MAX(seq) AS seq FROM ai_chat_messages WHERE session_id = ?",
        [session.id],
      );
      const next = Number(rows[0]?.seq ?? 0) + 1;
      const insert = `INSERT INTO ai_chat_messages (id, session_id, seq, role, content, created_at)
        VALUES (?, ?, ?, ?, ?, ?)`;
      await tx.run(insert, [crypto.randomUUID(), session.id, next, "user", user, at]);
      await tx.run(insert, [crypto.randomUUID(), session.id, next + 1, "assistant", reply, at]);
      await tx.run("UPDATE ai_chat_sessions SET updated_at = ?, symbol = ? WHERE id = ?", [
        at,
        symbol,
        session.id,
      ]);
    });
  }
}
