/**
 * Message codes of the analysis (`analyze-coverage.ts`, `coverage/`). Texts: `msg.<code>` in
 * `src/i18n/messages-analysis.ts`. See `src/core/messages.ts` for parameters and how to add a code.
 */
export const ANALYSIS_MESSAGE_CODES = ['site-outside-hamlets', 'too-many-operators', 'hamlet-empty-area', 'record-counts-for-no-layer'] as const;
