import { useEffect, useState } from "preact/hooks";
import { type Lang, translator } from "../i18n/mod.ts";
import { readSse } from "../lib/sse.ts";
import type { NotificationItem, NotificationList } from "../lib/api_types.ts";

/** Props of the header bell. */
export interface NotificationBellProps {
  /** UI language. */
  lang: Lang;
}

/** Delay before the notification stream opens, ms. */
const STREAM_DELAY_MS = 2_000;

/** A notification as the bell shows it (the API's, `body` unused). */
type Note = NotificationItem;

/**
 * The header's notification bell: the unread count as a badge, live over the notification
 * stream, and the latest notifications in a menu with "mark all read". Renders nothing for
 * anonymous visitors (the API answers 401).
 */
export default function NotificationBell({ lang }: NotificationBellProps) {
  const t = translator(lang);
  const [signedIn, setSignedIn] = useState(false);
  const [unread, setUnread] = useState(0);
  const [notes, setNotes] = useState<Note[]>([]);
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const ac = new AbortController();
    (async () => {
      const res = await fetch("/api/notifications?limit=10", { signal: ac.signal });
      if (!res.ok) return;
      const body = await res.json() as NotificationList;
      setSignedIn(true);
      setNotes(body.notifications);
      setUnread(body.unread);
      // the live stream opens a little after the page settles: a page's load (and tools that
      // wait for the network to go quiet) never waits on this long-lived request
      await new Promise((r) => setTimeout(r, STREAM_DELAY_MS));
      if (ac.signal.aborted) return;
      const stream = await fetch("/api/notifications/stream", {
        signal: ac.signal,
        headers: { accept: "text/event-stream" },
      });
      if (!stream.ok) return;
      await readSse(stream, (e) => {
        if (e.event === "unread") setUnread((JSON.parse(e.data) as { unread: number }).unread);
        if (e.event === "notification") {
          const n = JSON.parse(e.data) as Note;
          setNotes((prev) => [n, ...prev.filter((p) => p.id !== n.id)].slice(0, 10));
        }
      });
    })().catch(() => {});
    return () => ac.abort();
  }, []);

  if (!signedIn) return null;
  const markAll = async () => {
    const res = await fetch("/api/notifications/read", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ all: true }),
    });
    if (res.ok) {
      setUnread(0);
      setNotes((prev) => prev.map((n) => ({ ...n, read: true })));
    }
  };
  return (
    <div class="bell">
      <button
        type="button"
        class="bell-button"
        aria-expanded={open}
        aria-label={unread ? t("bell.unread", { n: unread }) : t("bell.label")}
        onClick={() => setOpen(!open)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          />
        </svg>
        {unread > 0 && <span class="bell-badge">{unread > 99 ? "99+" : unread}</span>}
      </button>
      {open && (
        <div class="bell-menu" role="region" aria-label={t("bell.label")}>
          {notes.length === 0 ? <p class="muted small">{t("bell.empty")}</p> : (
            <ul>
              {notes.map((n) => (
                <li key={n.id} class={n.read ? "" : "unread"}>
                  <span>{n.title}</span>
                  <time class="muted small" dateTime={n.created_at}>
                    {new Date(n.created_at).toLocaleString(lang)}
                  </time>
                </li>
              ))}
            </ul>
          )}
          {unread > 0 && (
            <button type="button" class="link" onClick={markAll}>{t("bell.mark_all")}</button>
          )} <a href="/alerts">{t("bell.manage")}</a>
        </div>
      )}
    </div>
  );
}
