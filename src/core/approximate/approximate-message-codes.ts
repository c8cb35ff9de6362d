/**
 * Message codes of the approximate hamlet areas (`approximate/`). Texts: `msg.<code>` in
 * `src/i18n/messages-approx.ts`. See `src/core/messages.ts` for parameters and how to add a code.
 */
export const APPROXIMATE_MESSAGE_CODES = [
  'approx-commune-unmatched', 'approx-commune-ambiguous', 'approx-point-outside-commune', 'approx-duplicate-point',
  'approx-commune-as-unit', 'approx-hamlet-without-point', 'approx-commune-empty', 'approx-communes-without-hamlets',
  'approx-hamlet-no-commune', 'approx-point-invalid', 'approx-feature-not-point',
  // The hamlet layer's scale check (`check-hamlet-layer.ts`): a question before the analysis.
  'hamlet-layer-too-large', 'hamlet-layer-names-like-communes',
] as const;
