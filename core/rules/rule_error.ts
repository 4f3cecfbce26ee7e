/**
 * The one error a rule can raise: `rule_invalid` (HTTP 422) with the message and the span of
 * text at fault in `details.span` (snake_case, as sent on the wire).
 *
 * @module
 */
import { DomainError } from "@trading/shared/errors";
import type { Span } from "./ast.ts";

/** Where in the rule the problem is, as sent in `details.span`. */
export interface WireSpan {
  /** Line of the first character (1-based). */
  line: number;
  /** Column of the first character (1-based). */
  column: number;
  /** Line of the character after the range. */
  end_line: number;
  /** Column of the character after the range. */
  end_column: number;
}

/** Details of a {@link RuleError}. */
export interface RuleErrorDetails {
  /** The text at fault. */
  span: WireSpan;
  /** Which rule of several (e.g. `entry`, `exit`, `columns.1`), when the caller names it. */
  field?: string;
}

/**
 * A rule that cannot be parsed, type-checked or evaluated within its bounds (HTTP 422,
 * code `rule_invalid`).
 *
 * @example
 * ```ts
 * import { RuleError } from "./rule_error.ts";
 * const span = { line: 1, column: 1, endLine: 1, endColumn: 4, offset: 0, endOffset: 3 };
 * const e = new RuleError('unknown indicator "rsl" — did you mean "rsi"?', span);
 * e.details.span.end_column; // 4
 * ```
 */
export class RuleError extends DomainError {
  /** The span and, when named, the field. */
  declare readonly details: RuleErrorDetails;
  /** The span at fault. */
  readonly span: Span;

  /**
   * @param message what is wrong, for people
   * @param span the text at fault
   * @param field which rule of several, when the caller names it
   */
  constructor(message: string, span: Span, field?: string) {
    const wire = {
      line: span.line,
      column: span.column,
      end_line: span.endLine,
      end_column: span.endColumn,
    };
    super("rule_invalid", message, field === undefined ? { span: wire } : { span: wire, field });
    this.span = span;
  }

  /** The same error naming the rule it belongs to (`entry`, `exit`, `columns.0`…). */
  inField(field: string): RuleError {
    return new RuleError(this.message, this.span, field);
  }
}

/** The span of a whole text (used when a problem has no narrower place). */
export function wholeSpan(text: string): Span {
  const lines = text.split("\n");
  return {
    line: 1,
    column: 1,
    endLine: lines.length,
    endColumn: (lines[lines.length - 1]?.length ?? 0) + 1,
    offset: 0,
    endOffset: text.length,
  };
}
