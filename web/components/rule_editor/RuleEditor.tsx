/**
 * A rule's text box: a plain textarea on the server and before hydration, replaced in the
 * browser by the CodeMirror editor (loaded on demand, so pages without a rule do not pay for
 * it) with highlighting, completion from `GET /api/rules/functions` and the server's 422 span
 * underlined. The message is also written below the editor for screen readers.
 *
 * @module
 */
import { useEffect, useRef, useState } from "preact/hooks";
import type { RuleEditorHandle } from "./codemirror.ts";
import type { RuleFunctionDoc, WireSpan } from "./rule_tokens.ts";

/** A problem the server found in the rule. */
export interface RuleProblem {
  message: string;
  span?: WireSpan | undefined;
}

/** Props of {@link RuleEditor}. */
export interface RuleEditorProps {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  problem?: RuleProblem | null;
  placeholder?: string;
  help?: string;
  /** Mod-Enter in the editor. */
  onSubmit?: () => void;
  /** Change it to replace the editor's text with `value` (e.g. after loading a saved screen). */
  revision?: number;
}

let catalogue: Promise<RuleFunctionDoc[]> | null = null;

/** The catalogue, fetched once per page. */
function functions(): Promise<RuleFunctionDoc[]> {
  catalogue ??= fetch("/api/rules/functions", { headers: { accept: "application/json" } })
    .then((r) => (r.ok ? r.json() : { functions: [] }))
    .then((b: { functions?: RuleFunctionDoc[] }) => b.functions ?? [])
    .catch(() => []);
  return catalogue;
}

/** The rule editor. */
export function RuleEditor(
  { id, label, value, onChange, problem, placeholder, help, onSubmit, revision = 0 }:
    RuleEditorProps,
) {
  const host = useRef<HTMLDivElement>(null);
  const handle = useRef<RuleEditorHandle | null>(null);
  const latest = useRef({ onChange, onSubmit });
  latest.current = { onChange, onSubmit };
  // the editor owns its text: `value` is written back only when `revision` changes (a saved
  // screen was loaded), never on the parent's re-renders — their effects can run after newer
  // keystrokes and would undo them (two in flight flipped the text back and forth for ever)
  const current = useRef(value);
  current.current = value;
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    void import("./codemirror.ts").then(({ createRuleEditor }) => {
      if (!live || !host.current) return;
      handle.current = createRuleEditor({
        parent: host.current,
        doc: current.current,
        label,
        functions: [],
        ...(placeholder ? { placeholder } : {}),
        onChange: (t) => latest.current.onChange(t),
        onSubmit: () => latest.current.onSubmit?.(),
      });
      setReady(true);
      void functions().then((f) => handle.current?.setFunctions(f));
    });
    return () => {
      live = false;
      handle.current?.destroy();
      handle.current = null;
    };
  }, []);

  useEffect(() => handle.current?.setText(current.current), [revision]);
  useEffect(() => {
    handle.current?.setProblem(
      problem?.span ? { message: problem.message, span: problem.span } : null,
    );
  }, [problem, ready]);

  const noteId = `${id}-note`;
  return (
    <div class="field rule-field">
      <label for={id}>{label}</label>
      <div ref={host} class="rule-editor" data-ready={ready ? "true" : undefined} />
      {ready ? null : (
        <textarea
          id={id}
          rows={3}
          value={value}
          placeholder={placeholder}
          spellcheck={false}
          aria-describedby={noteId}
          aria-invalid={problem ? "true" : undefined}
          onInput={(e) => onChange((e.target as HTMLTextAreaElement).value)}
        />
      )}
      <p
        id={noteId}
        class={problem ? "field-error small" : "muted small"}
        role={problem ? "alert" : undefined}
      >
        {problem
          ? (problem.span
            ? `${problem.span.line}:${problem.span.column} ${problem.message}`
            : problem.message)
          : help ?? ""}
      </p>
    </div>
  );
}
