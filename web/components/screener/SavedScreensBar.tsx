/**
 * Saved screens of the signed-in user: pick one to load it, save the current screen under a
 * name (replacing the one loaded when the name is the same), delete the one loaded.
 *
 * @module
 */
import { useEffect, useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";
import { type ApiFailure, ApiNotice } from "../form/notice.tsx";

/** A saved screen as the API sends it. */
export interface SavedScreenBody {
  id: string;
  name: string;
  rule: string;
  /** Every stored symbol, the account's watchlist (resolved at each run) or a list. */
  universe: "all" | "watchlist" | string[];
  columns: string[];
  sort?: { by: string | number; order: "asc" | "desc" };
  limit: number;
  /** Bar interval (daily when absent: screens saved before intervals). */
  interval?: "1d" | "1w" | "1mo";
}

/** Props of {@link SavedScreensBar}. */
export interface SavedScreensBarProps {
  t: T;
  /** The current screen (without a name). */
  current: () => Omit<SavedScreenBody, "id" | "name">;
  /** Loads a saved screen into the form. */
  onLoad: (s: SavedScreenBody) => void;
}

/** The saved-screens bar. */
export function SavedScreensBar({ t, current, onLoad }: SavedScreensBarProps) {
  const [list, setList] = useState<SavedScreenBody[]>([]);
  const [picked, setPicked] = useState("");
  const [name, setName] = useState("");
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [note, setNote] = useState("");

  const refresh = async () => {
    const r = await api<{ screens: SavedScreenBody[] }>("GET", "/api/screens/saved");
    if (r.ok) setList(r.data.screens);
    else setFailure({ status: r.status, message: r.message });
  };
  useEffect(() => void refresh(), []);

  const pick = (id: string) => {
    setPicked(id);
    const s = list.find((x) => x.id === id);
    if (s) {
      setName(s.name);
      onLoad(s);
      setNote(t("screen.loaded", { name: s.name }));
    }
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const loaded = list.find((x) => x.id === picked);
    const body = { ...current(), name: name.trim() };
    const r = loaded && loaded.name === body.name
      ? await api<SavedScreenBody>("PUT", `/api/screens/saved/${loaded.id}`, body)
      : await api<SavedScreenBody>("POST", "/api/screens/saved", body);
    if (!r.ok) return setFailure({ status: r.status, message: r.message });
    setFailure(null);
    await refresh();
    setPicked(r.data.id);
    setNote(t("screen.saved", { name: r.data.name }));
  };
  const remove = async () => {
    if (!picked) return;
    const r = await api("DELETE", `/api/screens/saved/${picked}`);
    if (!r.ok) return setFailure({ status: r.status, message: r.message });
    setPicked("");
    setNote(t("screen.deleted"));
    await refresh();
  };

  return (
    <form class="saved-screens field-row" onSubmit={save} aria-label={t("screen.savedTitle")}>
      <div class="field">
        <label for="screen-saved">{t("screen.savedTitle")}</label>
        <select
          id="screen-saved"
          value={picked}
          onChange={(e) => pick((e.target as HTMLSelectElement).value)}
        >
          <option value="">{list.length ? t("screen.pick") : t("screen.noSaved")}</option>
          {list.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
        </select>
      </div>
      <div class="field">
        <label for="screen-name">{t("screen.name")}</label>
        <input
          id="screen-name"
          value={name}
          maxLength={80}
          required
          onInput={(e) => setName((e.target as HTMLInputElement).value)}
        />
      </div>
      <div class="field">
        <span aria-hidden="true">&nbsp;</span>
        <span>
          <button type="submit" disabled={!name.trim()}>{t("screen.save")}</button>{" "}
          <button type="button" onClick={remove} disabled={!picked}>{t("screen.delete")}</button>
        </span>
      </div>
      <p class="muted small" aria-live="polite">{note}</p>
      <ApiNotice t={t} failure={failure} />
    </form>
  );
}
