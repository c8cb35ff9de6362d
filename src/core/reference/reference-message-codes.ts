/**
 * Message codes of the reference (context) layers (`reference/`). Texts: `msg.<code>` in
 * `src/i18n/messages-maps.ts`. See `src/core/messages.ts` for parameters and how to add a code.
 */
export const REFERENCE_MESSAGE_CODES = ['reference-no-shapes', 'reference-format-unsupported', 'reference-too-large', 'reference-features-skipped'] as const;
