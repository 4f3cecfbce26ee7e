/**
 * The CodeMirror 6 editor of a rule (browser only; loaded on demand by `RuleEditor`): the rule
 * language's highlighting (a `StreamLanguage` over `nextToken`), completion from the
 * catalogue, the server's 422 span as an inline diagnostic, undo history and the default keys.
 *
 * @module
 */
import { autocompletion, type CompletionContext } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from "@codemirror/language";
import { type Diagnostic, setDiagnostics } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, keymap, placeholder as placeholderExt } from "@codemirror/view";
import { tags } from "@lezer/highlight";
import {
  completionsOf,
  nextToken,
  type RuleFunctionDoc,
  spanOffsets,
  type WireSpan,
} from "./rule_tokens.ts";

const ruleLanguage = StreamLanguage.define<null>({
  name: "rule",
  startState: () => null,
  token: (stream) => nextToken(stream),
  tokenTable: {
    kw: tags.keyword,
    num: tags.number,
    str: tags.string,
    param: tags.special(tags.variableName),
    fn: tags.function(tags.variableName),
    field: tags.atom,
    op: tags.operator,
    comment: tags.lineComment,
    name: tags.variableName,
  },
  languageData: { commentTokens: { line: "#" } },
});

const highlight = HighlightStyle.define([
  { tag: tags.keyword, color: "var(--accent)", fontWeight: "600" },
  { tag: tags.number, color: "var(--code-num)" },
  { tag: tags.string, color: "var(--code-str)" },
  { tag: tags.special(tags.variableName), color: "var(--link)", fontStyle: "italic" },
  { tag: tags.function(tags.variableName), color: "var(--link)" },
  { tag: tags.atom, color: "var(--fg)", fontWeight: "600" },
  { tag: tags.lineComment, color: "var(--muted)", fontStyle: "italic" },
]);

const theme = EditorView.theme({
  "&": {
    border: "1px solid var(--border)",
    borderRadius: "6px",
    background: "var(--bg)",
    color: "var(--fg)",
    fontSize: "14px",
  },
  "&.cm-focused": { outline: "2px solid var(--accent)", outlineOffset: "1px" },
  ".cm-content": {
    fontFamily: "ui-monospace, SFMono-Regular, Menlo, monospace",
    minHeight: "3.2em",
  },
  ".cm-scroller": { overflow: "auto" },
  ".cm-tooltip": {
    background: "var(--surface)",
    color: "var(--fg)",
    border: "1px solid var(--border)",
  },
  ".cm-tooltip-autocomplete ul li[aria-selected]": {
    background: "var(--accent)",
    color: "var(--accent-fg)",
  },
  ".cm-completionInfo": { whiteSpace: "pre-wrap", maxWidth: "320px" },
  ".cm-diagnostic-error": { borderLeftColor: "var(--down)" },
});

/** What {@link createRuleEditor} needs. */
export interface RuleEditorOptions {
  parent: HTMLElement;
  doc: string;
  /** Called with the text after each change. */
  onChange: (text: string) => void;
  /** Accessible name of the text box. */
  label: string;
  placeholder?: string;
  /** The catalogue for completion (may arrive later via {@link RuleEditorHandle.setFunctions}). */
  functions: readonly RuleFunctionDoc[];
  /** Called with Mod-Enter (e.g. run the screen). */
  onSubmit?: () => void;
}

/** Controls of a mounted editor. */
export interface RuleEditorHandle {
  /** Shows the server's message at `span`, or clears it (null). */
  setProblem(problem: { message: string; span: WireSpan } | null): void;
  /** Replaces the text (e.g. a saved screen was loaded). */
  setText(text: string): void;
  /** Replaces the completion catalogue. */
  setFunctions(fns: readonly RuleFunctionDoc[]): void;
  destroy(): void;
}

/** Mounts an editor in `parent`. */
export function createRuleEditor(o: RuleEditorOptions): RuleEditorHandle {
  let options = completionsOf(o.functions);
  const source = (ctx: CompletionContext) => {
    const word = ctx.matchBefore(/[A-Za-z_]\w*/);
    if (!word || (word.from === word.to && !ctx.explicit)) return null;
    return { from: word.from, options, validFor: /^\w*$/ };
  };
  // In a shadow root CodeMirror styles itself with constructed style sheets, which the page's
  // Content-Security-Policy (no inline <style>) does not block; CSS variables still inherit.
  const shadow = o.parent.shadowRoot ?? o.parent.attachShadow({ mode: "open" });
  const mount = document.createElement("div");
  shadow.replaceChildren(mount);
  const view = new EditorView({
    parent: mount,
    root: shadow,
    state: EditorState.create({
      doc: o.doc,
      extensions: [
        history(),
        keymap.of([
          ...(o.onSubmit ? [{ key: "Mod-Enter", run: () => (o.onSubmit!(), true) }] : []),
          ...defaultKeymap,
          ...historyKeymap,
        ]),
        ruleLanguage,
        syntaxHighlighting(highlight),
        autocompletion({ override: [source], icons: false }),
        EditorView.lineWrapping,
        placeholderExt(o.placeholder ?? ""),
        EditorView.contentAttributes.of({ "aria-label": o.label, spellcheck: "false" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) o.onChange(u.state.doc.toString());
        }),
        theme,
      ],
    }),
  });
  return {
    setProblem(problem) {
      const text = view.state.doc.toString();
      const diagnostics: Diagnostic[] = [];
      if (problem) {
        const [from, to] = spanOffsets(text, problem.span);
        diagnostics.push({ from, to, severity: "error", message: problem.message });
      }
      view.dispatch(setDiagnostics(view.state, diagnostics));
    },
    setText(text) {
      if (text === view.state.doc.toString()) return;
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
    },
    setFunctions(fns) {
      options = completionsOf(fns);
    },
    destroy: () => {
      view.destroy();
      mount.remove();
    },
  };
}
