/**
 * Message codes of the analysis (`analyze-coverage.ts`, `coverage/`, `kpi/`, `admin/`). Texts: `msg.<code>` in
 * `src/i18n/messages-analysis.ts`. See `src/core/messages.ts` for parameters and how to add a code.
 */
export const ANALYSIS_MESSAGE_CODES = [
  'site-outside-hamlets', 'too-many-operators', 'hamlet-empty-area', 'record-counts-for-no-layer',
  // Groupings (`admin/group-hamlets.ts`): units without codes, codes with different names.
  'group-codes-missing', 'group-code-names-differ',
  'unit-district', 'unit-commune', 'unit-new-commune', 'keyed-by-name-district', 'keyed-by-name-commune', 'keyed-by-name-new-commune',
] as const;
