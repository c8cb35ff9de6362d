/**
 * The wall-clock budget of one proposal run. Core reads no clock of its own: the caller passes
 * `now()` (milliseconds on any monotonic clock, e.g. `performance.now`) and, optionally, the
 * deadline on that clock; without `now()` only the solver's own time limit applies.
 */

/** A run's deadline, read through the caller's clock. */
export interface RunDeadline {
  /** Milliseconds since the run started (0 without a clock). */
  elapsedMs(): number;
  /** Milliseconds left before the deadline (Infinity without a clock). */
  remainingMs(): number;
  /** True once the deadline has passed (never without a clock). */
  isPast(): boolean;
  /** Whether a clock was given. */
  readonly hasClock: boolean;
}

/**
 * Starts a run's deadline.
 * @param now the caller's clock in milliseconds, or undefined (no wall-clock bound)
 * @param limitSeconds the run's time limit in seconds
 * @param deadlineMs the deadline on `now`'s clock (default: now() + limitSeconds · 1000), so a
 *   caller can count time it spent before the run (e.g. building the analysis)
 * @returns the deadline
 * @example createRunDeadline(() => performance.now(), 10).remainingMs() // ≈ 10000
 */
export function createRunDeadline(now: (() => number) | undefined, limitSeconds: number, deadlineMs?: number): RunDeadline {
  if (!now) return { elapsedMs: () => 0, remainingMs: () => Infinity, isPast: () => false, hasClock: false };
  const startedMs = now();
  const endMs = deadlineMs ?? startedMs + limitSeconds * 1000;
  return {
    elapsedMs: () => now() - startedMs,
    remainingMs: () => endMs - now(),
    isPast: () => now() >= endMs,
    hasClock: true,
  };
}
