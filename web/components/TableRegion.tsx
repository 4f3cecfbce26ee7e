import type { ComponentChildren } from "preact";

/**
 * The scrolling box of a table: on a narrow screen the table scrolls inside it instead of
 * widening the page, and the box is a labelled region that takes keyboard focus so the table
 * can be scrolled without a pointer (WCAG 2.1.1; axe `scrollable-region-focusable`).
 * Give `label` (the table's name) or `labelledBy` (the id of its heading).
 */
export function TableRegion(
  { label, labelledBy, children }: {
    label?: string;
    labelledBy?: string;
    children: ComponentChildren;
  },
) {
  return (
    <div
      class="table-wrap"
      tabIndex={0}
      role="region"
      aria-label={labelledBy ? undefined : label}
      aria-labelledby={labelledBy}
    >
      {children}
    </div>
  );
}
