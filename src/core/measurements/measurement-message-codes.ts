/**
 * Message codes of the measurement readers (`src/core/measurements`). Texts: `msg.<code>` in
 * `src/i18n/messages-io.ts`. See `src/core/messages.ts` for parameters and how to add a code.
 */
export const MEASUREMENT_MESSAGE_CODES = [
  // Why one test is skipped.
  'measurement-technology-unknown', 'no-measured-value', 'measurement-no-position-columns', 'tile-no-position', 'geometry-not-measurement',
  // Warnings: the test or file is used, with this caveat.
  'invalid-speed', 'invalid-latency', 'invalid-signal', 'invalid-time', 'measurement-unknown-operator', 'invalid-test-count',
  'measurement-no-technology-column', 'measurement-no-operator-column', 'measurement-no-time-column',
  // Names used inside other messages.
  'measurement-technology-mobile', 'measurement-technology-fixed',
] as const;
