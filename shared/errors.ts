/**
 * Domain errors, grouped by how a caller reacts. Pure code throws them; the HTTP layer of each
 * service maps them to a status code in one place.
 *
 * @module
 */

/** Detail of one invalid field, as sent in an error body's `details`. */
export interface FieldIssue {
  /** Dotted path of the field, e.g. `from` or `params.fast`. */
  field: string;
  /** What is wrong and what is expected. */
  message: string;
}

/** Base class: every domain error has a stable machine-readable code. */
export class DomainError extends Error {
  /** Stable error code sent to clients, e.g. `not_found`. */
  readonly code: string;
  /** Optional structured details (field issues, limits…). */
  readonly details: unknown;
  /**
   * @param code stable code
   * @param message human-readable message
   * @param details optional structured details
   */
  constructor(code: string, message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.details = details;
  }
}

/** Something the caller named does not exist (HTTP 404). */
export class NotFoundError extends DomainError {
  /** @param message says what was not found and, where useful, how to get it */
  constructor(message: string, details?: unknown) {
    super("not_found", message, details);
  }
}

/** Input is well-formed but invalid (HTTP 422); `details` lists the fields. */
export class ValidationError extends DomainError {
  /** The invalid fields. */
  readonly issues: FieldIssue[];
  /** @param issues one entry per invalid field */
  constructor(message: string, issues: FieldIssue[] = []) {
    super("validation_error", message, issues.length ? issues : undefined);
    this.issues = issues;
  }
}

/** The caller is not signed in or the credentials are wrong (HTTP 401). */
export class UnauthorizedError extends DomainError {
  /** @param message generic message, never saying which part was wrong */
  constructor(message = "Authentication required") {
    super("unauthorized", message);
  }
}

/** The caller has used up a quota (HTTP 402/429 depending on kind). */
export class QuotaExceededError extends DomainError {
  /** Seconds until the quota resets, when known. */
  readonly retryAfter: number | undefined;
  /** @param retryAfter seconds until it resets */
  constructor(message: string, retryAfter?: number) {
    super("quota_exceeded", message);
    this.retryAfter = retryAfter;
  }
}

/** A service this one depends on failed or timed out (HTTP 502/504). */
export class UpstreamError extends DomainError {
  /** True when the upstream did not answer in time. */
  readonly timeout: boolean;
  /** @param timeout whether the failure was a timeout */
  constructor(message: string, { timeout = false }: { timeout?: boolean } = {}) {
    super(timeout ? "upstream_timeout" : "upstream_error", message);
    this.timeout = timeout;
  }
}

/**
 * A dependency this service needs is not available right now (HTTP 503). The message reaches
 * the client, so it names no internal address; `cause` (logged, never sent) may.
 */
export class UnavailableError extends DomainError {
  /**
   * @param message what is unavailable, in words safe to show
   * @param options `cause`: the internal detail (address, driver error) for the log
   */
  constructor(message: string, options: { cause?: unknown } = {}) {
    super("unavailable", message);
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
