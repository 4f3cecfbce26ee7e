/**
 * Accessible tabs (WAI-ARIA tabs pattern): a tablist of buttons, arrow keys / Home / End move
 * between tabs, each panel labelled by its tab. Every panel stays mounted (hidden when not
 * current) so a running job or a result survives switching tabs.
 *
 * @module
 */
import type { ComponentChildren } from "preact";

/** Props of {@link Tabs}. */
export interface TabsProps {
  /** Accessible name of the tab list. */
  label: string;
  /** Tabs: id and visible label. */
  tabs: { id: string; label: string }[];
  /** Current tab id. */
  current: string;
  /** Called with the chosen tab id. */
  onChange: (id: string) => void;
  /** Renders the panel of a tab. */
  children: (id: string) => ComponentChildren;
}

/** Tabs with their panels. */
export function Tabs({ label, tabs, current, onChange, children }: TabsProps) {
  const move = (e: KeyboardEvent, i: number) => {
    const n = tabs.length;
    const to = e.key === "ArrowRight"
      ? (i + 1) % n
      : e.key === "ArrowLeft"
      ? (i - 1 + n) % n
      : e.key === "Home"
      ? 0
      : e.key === "End"
      ? n - 1
      : -1;
    if (to < 0) return;
    e.preventDefault();
    onChange(tabs[to]!.id);
    (document.getElementById(`tab-${tabs[to]!.id}`) as HTMLElement | null)?.focus();
  };
  return (
    <div class="tabs">
      <div role="tablist" aria-label={label} class="seg">
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            aria-selected={tab.id === current ? "true" : "false"}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === current ? 0 : -1}
            onClick={() => onChange(tab.id)}
            onKeyDown={(e) => move(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map((tab) => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== current}
          class="tabpanel"
        >
          {children(tab.id)}
        </div>
      ))}
    </div>
  );
}
