/**
 * Fills the alert form from one of the user's saved screens: its rule, and its symbols (a
 * screen over every stored symbol gives them all). Core watches a list of symbols, so an alert
 * "on a saved screen" is its rule on its universe, copied when the alert is made.
 *
 * @module
 */
import { useEffect, useState } from "preact/hooks";
import type { T } from "../../i18n/mod.ts";
import { api } from "../../lib/api_error.ts";

interface SavedScreen {
  id: string;
  name: string;
  rule: string;
  universe: "all" | string[];
}

/** What a picked screen gives the form. */
export interface PickedScreen {
  name: string;
  rule: string;
  symbols: string[];
}

/** Props of {@link ScreenPicker}. */
export interface ScreenPickerProps {
  t: T;
  /** Every stored symbol (the universe "all"). */
  symbols: string[];
  /** A screen to apply as soon as the list is loaded. */
  screenId?: string | undefined;
  onPick: (s: PickedScreen) => void;
}

/** A select of the saved screens; nothing when there are none. */
export function ScreenPicker({ t, symbols, screenId, onPick }: ScreenPickerProps) {
  const [screens, setScreens] = useState<SavedScreen[]>([]);
  const pick = (list: SavedScreen[], id: string) => {
    const s = list.find((x) => x.id === id);
    if (!s) return;
    onPick({ name: s.name, rule: s.rule, symbols: s.universe === "all" ? symbols : s.universe });
  };
  useEffect(() => {
    void api<{ screens: SavedScreen[] }>("GET", "/api/screens/saved").then((r) => {
      if (!r.ok) return;
      setScreens(r.data.screens);
      if (screenId) pick(r.data.screens, screenId);
    });
  }, []);
  if (screens.length === 0) return null;
  return (
    <label class="inline">
      <span class="sr-only">{t("alerts.fromScreen")}</span>
      <select
        value=""
        onChange={(e) => pick(screens, (e.target as HTMLSelectElement).value)}
      >
        <option value="">{t("alerts.fromScreen")}</option>
        {screens.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
      </select>
    </label>
  );
}
