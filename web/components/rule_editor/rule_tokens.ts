/**
 * The rule language for the browser editor, without CodeMirror: a tokenizer in the shape of a
 * CodeMirror `StreamParser`, completions from `GET /api/rules/functions`, and the conversion of
 * a 422 `details.span` (1-based line/column) to text offsets. Pure, so it is tested in Deno.
 *
 * @module
 */
import type { RuleFunctionDoc } from "../../lib/api_types.ts";
import type { IssueSpan } from "../../lib/api_error.ts";

/** The part of a CodeMirror `StringStream` the tokenizer uses. */
export interface TokenStream {
  eatSpace(): boolean;
  match(pattern: RegExp): RegExpMatchArray | null | boolean;
  next(): string | void;
  skipToEnd(): void;
  peek(): string | undefined;
}

/** Token names (mapped to highlight tags by the editor). */
export type RuleToken = "kw" | "num" | "str" | "param" | "fn" | "field" | "op" | "comment" | "name";

const KEYWORDS = /^(and|or|not|true|false|in|crosses_above|crosses_below)\b/i;
const FIELDS = new Set(["open", "high", "low", "close", "volume", "score"]);

/**
 * The next token of `stream` (null for spaces).
 *
 * @example
 * ```ts
 * import { tokenize } from "./rule_tokens.ts";
 * tokenize("rsi(14) < 30 and $low"); // [["fn","rsi"], ["op","("], ["num","14"], …]
 * ```
 */
export function nextToken(stream: TokenStream): RuleToken | null {
  if (stream.eatSpace()) return null;
  if (stream.match(/^#.*/)) return "comment";
  if (stream.match(KEYWORDS)) return "kw";
  if (stream.match(/^\$[A-Za-z_]\w*/)) return "param";
  if (stream.match(/^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/)) return "num";
  if (stream.match(/^"([^"\\]|\\.)*"?/) || stream.match(/^'([^'\\]|\\.)*'?/)) return "str";
  if (stream.match(/^[A-Za-z_]\w*(?=\s*\()/)) return "fn";
  const word = stream.match(/^[A-Za-z_]\w*/);
  if (word) {
    return FIELDS.has(String((word as RegExpMatchArray)[0]).toLowerCase()) ? "field" : "name";
  }
  stream.next();
  return "op";
}

/** A tiny `TokenStream` over one line (for tests and the server-rendered preview). */
class LineStream implements TokenStream {
  pos = 0;
  constructor(readonly line: string) {}
  eatSpace(): boolean {
    const start = this.pos;
    while (/\s/.test(this.line[this.pos] ?? "")) this.pos++;
    return this.pos > start;
  }
  match(pattern: RegExp): RegExpMatchArray | null {
    const m = this.line.slice(this.pos).match(pattern);
    if (m && m.index === 0) {
      this.pos += m[0].length;
      return m;
    }
    return null;
  }
  next(): string | void {
    return this.line[this.pos++];
  }
  skipToEnd(): void {
    this.pos = this.line.length;
  }
  peek(): string | undefined {
    return this.line[this.pos];
  }
}

/** Every token of `text` as `[kind, text]` pairs (spaces left out). */
export function tokenize(text: string): [RuleToken, string][] {
  const out: [RuleToken, string][] = [];
  for (const line of text.split("\n")) {
    const s = new LineStream(line);
    while (s.pos < line.length) {
      const start = s.pos;
      const kind = nextToken(s);
      if (kind) out.push([kind, line.slice(start, s.pos)]);
    }
  }
  return out;
}

/** One entry of `GET /api/rules/functions` (the wire type, from shared/schemas). */
export type { RuleFunctionDoc };

/** A completion option (CodeMirror's `Completion` shape). */
export interface RuleCompletion {
  label: string;
  type: string;
  detail: string;
  info: string;
  apply: string;
}

/**
 * Completion options from the catalogue: functions insert `name(`, fields and operators their
 * name; the detail shows the signature, the info the description and an example.
 *
 * @example
 * ```ts
 * import { completionsOf } from "./rule_tokens.ts";
 * completionsOf([{ name: "rsi", kind: "indicator",
 *   params: [{ name: "period", type: "number", optional: true, default: 14 }],
 *   returns: "series", description: "RSI", example: "rsi(14) < 30" }])[0]?.apply; // "rsi("
 * ```
 */
export function completionsOf(fns: readonly RuleFunctionDoc[]): RuleCompletion[] {
  return fns.map((f) => {
    const call = f.kind !== "field" && f.kind !== "operator" && f.params.length > 0;
    const sig = f.params.map((p) =>
      p.optional ? `${p.name}${p.default === undefined ? "?" : ` = ${p.default}`}` : p.name
    ).join(", ");
    const outputs = f.outputs?.length ? ` → .${f.outputs.join(" .")}` : "";
    return {
      label: f.name,
      type: f.kind === "field"
        ? "variable"
        : f.kind === "operator"
        ? "keyword"
        : f.kind === "indicator"
        ? "function"
        : "method",
      detail: call ? `(${sig})${outputs}` : f.returns,
      info: `${f.description}\n${f.example}`,
      apply: call ? `${f.name}(` : f.name,
    };
  });
}

/** A 422 `details.span` (the API client's type). */
export type WireSpan = IssueSpan;

/**
 * Text offsets `[from, to)` of a span in `text`, clamped to the text (an empty span at the end
 * widens to the last character so it can be underlined).
 *
 * @example
 * ```ts
 * import { spanOffsets } from "./rule_tokens.ts";
 * spanOffsets("close > 1 and\nrsl(14) < 30", { line: 2, column: 1, end_line: 2, end_column: 4 }); // [14, 17]
 * ```
 */
export function spanOffsets(text: string, span: WireSpan): [number, number] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  const at = (line: number, column: number) => {
    const base = starts[Math.min(Math.max(line, 1), starts.length) - 1] ?? 0;
    return Math.min(text.length, base + Math.max(column, 1) - 1);
  };
  let from = at(span.line, span.column);
  let to = Math.max(from, at(span.end_line, span.end_column));
  if (from === to) {
    if (to < text.length) to++;
    else if (from > 0) from--;
  }
  return [from, to];
}
