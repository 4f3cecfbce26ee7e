/**
 * Labelled form controls shared by the islands: every input has a visible label, its help and
 * error text are tied to it with `aria-describedby`, and an error sets `aria-invalid`.
 *
 * @module
 */
import type { ComponentChildren } from "preact";

/** Props of {@link Field}. */
export interface FieldProps {
  /** Unique id of the input. */
  id: string;
  /** Visible label. */
  label: string;
  /** Current value. */
  value: string;
  /** Called with the new text. */
  onInput: (v: string) => void;
  /** Input type (default text). */
  type?: string;
  /** Error message (marks the input invalid). */
  error?: string | null | undefined;
  /** Help text. */
  help?: string | undefined;
  /** Extra input attributes (min, max, step, required, placeholder, autocomplete…). */
  attrs?: Record<string, string | number | boolean | undefined>;
}

/** A labelled input. */
export function Field(
  { id, label, value, onInput, type = "text", error, help, attrs }: FieldProps,
) {
  const described = [help ? `${id}-help` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => onInput((e.target as HTMLInputElement).value)}
        {...attrs}
      />
      {help ? <span id={`${id}-help`} class="muted small">{help}</span> : null}
      {error ? <span id={`${id}-err`} class="field-error small">{error}</span> : null}
    </div>
  );
}

/** Props of {@link Select}. */
export interface SelectProps {
  /** Unique id. */
  id: string;
  /** Visible label. */
  label: string;
  /** Selected value. */
  value: string;
  /** Called with the new value. */
  onChange: (v: string) => void;
  /** Options: value, label, and whether it cannot be chosen. */
  options: { value: string; label: string; disabled?: boolean }[];
  /** Help text. */
  help?: string | undefined;
  /** Error message. */
  error?: string | null | undefined;
}

/** A labelled select. */
export function Select({ id, label, value, onChange, options, help, error }: SelectProps) {
  const described = [help ? `${id}-help` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ");
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <select
        id={id}
        name={id}
        value={value}
        aria-invalid={error ? "true" : undefined}
        aria-describedby={described || undefined}
        onChange={(e) => onChange((e.target as HTMLSelectElement).value)}
      >
        {options.map((o) => (
          // `selected` too: the server renders `value` on the select as a mere attribute, and
          // hydration keeps the first option shown
          <option key={o.value} value={o.value} disabled={o.disabled} selected={o.value === value}>
            {o.label}
          </option>
        ))}
      </select>
      {help ? <span id={`${id}-help`} class="muted small">{help}</span> : null}
      {error ? <span id={`${id}-err`} class="field-error small">{error}</span> : null}
    </div>
  );
}

/** A labelled checkbox. */
export function Check(
  { id, label, checked, onChange }: {
    id: string;
    label: string;
    checked: boolean;
    onChange: (v: boolean) => void;
  },
) {
  return (
    <label class="check" for={id}>
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange((e.target as HTMLInputElement).checked)}
      />
      <span>{label}</span>
    </label>
  );
}

/** A row of fields that wraps on narrow screens. */
export function FieldRow({ children }: { children: ComponentChildren }) {
  return <div class="field-row">{children}</div>;
}
