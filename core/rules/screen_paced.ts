/**
 * The screener as a server runs it: the same evaluation as {@link screen}, one symbol and one
 * whole-series node at a time, yielding to the event loop whenever a slice of work (~20 ms) is
 * used up (between nodes: one node, e.g. a pattern scan of 6,000 bars, is not split), so other
 * requests (and `/health/live`) are served while a heavy screen runs; and stopped with a
 * {@link RuleTimeoutError} once the whole screen passes its deadline. The clock and the pause
 * are injected (pure code reads no clock).
 *
 * @module
 */
import type { OhlcvColumns as Cols } from "../market_data/series.ts";
import type { CompiledRule } from "./compile.ts";
import { RuleTimeoutError } from "./rule_error.ts";
import { planScreen, type ScreenMatch, type ScreenOptions, screenSteps } from "./screen.ts";

/** Longest a whole screen may take, in milliseconds, before it is stopped. */
export const SCREEN_DEADLINE_MS = 5_000;

/**
 * Milliseconds of evaluation between two yields to the event loop: a request through the
 * connection guard needs several turns of the loop (front, HTTP server, back), each of which may
 * wait one slice (at 20 ms a probe of /health/live waited 110-130 ms behind four screens).
 */
export const SCREEN_SLICE_MS = 8;

/** Options of {@link screenPaced}. */
export interface PacedScreenOptions extends ScreenOptions {
  /** A monotonic clock in milliseconds (e.g. `() => performance.now()`). */
  ticks: () => number;
  /** Longest the whole screen may take (default {@link SCREEN_DEADLINE_MS}). */
  deadlineMs?: number;
  /** Work between two pauses (default {@link SCREEN_SLICE_MS}). */
  sliceMs?: number;
  /** Lets other work run (default: wait for a macrotask, so pending I/O is served). */
  pause?: () => Promise<void>;
  /** When the deadline started, on `ticks`' clock (default: now; e.g. when the request came). */
  startedAt?: number;
}

/** Idle time per pause: long enough for the event loop to take a request through its turns. */
export const SCREEN_PAUSE_MS = 2;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, SCREEN_PAUSE_MS));

/**
 * {@link screen}'s matches, evaluated in slices of `sliceMs` with a `pause` between them;
 * throws {@link RuleTimeoutError} (naming the deadline) when symbols remain after
 * `deadlineMs`, and {@link RuleError} over the budget before any work.
 *
 * @example
 * ```ts
 * import { compileRule } from "./compile.ts";
 * import { screenPaced } from "./screen_paced.ts";
 * import type { OhlcvColumns as Cols } from "../market_data/series.ts";
 * const rule = compileRule("rsi(14) < 30", { expect: "condition" });
 * const oversold = (universe: Map<string, Cols>) =>
 *   screenPaced(rule, universe, { ticks: () => performance.now(), deadlineMs: 2_000 });
 * ```
 */
export async function screenPaced(
  rule: CompiledRule,
  universe: ReadonlyMap<string, Cols>,
  {
    ticks,
    deadlineMs = SCREEN_DEADLINE_MS,
    sliceMs = SCREEN_SLICE_MS,
    pause = nextTask,
    startedAt,
    ...options
  }: PacedScreenOptions,
): Promise<ScreenMatch[]> {
  const start = startedAt ?? ticks();
  const { items, newest } = planScreen(rule, universe, options);
  const out: ScreenMatch[] = [];
  let slice = ticks();
  for (let k = 0; k < items.length; k++) {
    const steps = screenSteps(rule, items[k]!, newest, options.columns);
    let r = steps.next();
    while (!r.done) {
      const now = ticks();
      if (now - start >= deadlineMs) throw new RuleTimeoutError(deadlineMs, k, items.length);
      if (now - slice >= sliceMs) {
        await pause();
        slice = ticks();
        if (slice - start >= deadlineMs) throw new RuleTimeoutError(deadlineMs, k, items.length);
      }
      r = steps.next();
    }
    if (r.value) out.push(r.value);
  }
  return out;
}
