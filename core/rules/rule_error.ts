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

/** Details of a {@link RuleTimeoutError} (snake_case, as sent on the wire). */
export interface RuleTimeoutDetails {
  /** The deadline, in milliseconds. */
  deadline_ms: number;
  /** Symbols evaluated before it passed. */
  screened: number;
  /** Symbols the screen had to evaluate. */
  universe: number;
}

/**
 * A screen that did not finish within its deadline (HTTP 503, code `rule_timeout`): the
 * server was too busy or the rule too heavy for this many symbols. The message names the
 * deadline.
 *
 * @example
 * ```ts
 * import { RuleTimeoutError } from "./rule_error.ts";
 * const e = new RuleTimeoutError(5000, 120, 500);
 * e.code; // "rule_timeout"
 * e.message; // "screen stopped at its 5 s deadline after 120 of 500 symbols; …"
 * ```
 */
export class RuleTimeoutError extends DomainError {
  /** The deadline and how far the screen got. */
  declare readonly details: RuleTimeoutDetails;

  /**
   * @param deadlineMs the deadline that passed
   * @param screened symbols evaluated before it
   * @param universe symbols to evaluate
   */
  constructor(deadlineMs: number, screened: number, universe: number) {
    super(
      "rule_timeout",
      `screen stopped at its ${deadlineMs / 1000} s deadline after ${screened} of ${universe} ` +
        "symbols; screen fewer symbols, simplify the rule or try again later",
      { deadline_ms: deadlineMs, screened, universe },
    );
  }
}
