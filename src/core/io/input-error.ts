/** What kind of fatal input problem a {@link CoverageInputError} reports. */
export type CoverageInputErrorCode =
  | 'empty-file'
  | 'invalid-json'
  | 'not-feature-collection'
  | 'no-coordinate-columns'
  | 'not-a-row-list'
  | 'invalid-config'
  | 'unknown-config-key'
  | 'binary-file'
  | 'file-too-large'
  | 'unsupported-format'
  | 'invalid-archive'
  | 'invalid-spreadsheet'
  | 'unknown-crs';

/** Constructor options of {@link CoverageInputError}. */
export interface CoverageInputErrorOptions {
  code: CoverageInputErrorCode;
  /** The label of the input (usually its file name), as given to the parser. */
  file: string;
  /** Where inside the input: `row 3`, `feature 2`, `radiiMeters.4G`. Absent = the whole input. */
  where?: string;
  /** What is wrong, in English, naming the offending value. */
  detail: string;
}

/**
 * A fatal input problem: the input as a whole cannot be used (not a FeatureCollection, no coordinate
 * columns, an empty file, an invalid configuration value). Problems with single rows never throw: parsers
 * report them in `ImportResult.skipped` instead.
 *
 * The message names the file, the place inside it when there is one, and what is wrong.
 * @example
 * throw new CoverageInputError({ code: 'empty-file', file: 'bts.csv', detail: 'the file is empty' });
 * // message: "bts.csv: the file is empty"
 */
export class CoverageInputError extends Error {
  readonly code: CoverageInputErrorCode;
  readonly file: string;
  readonly where?: string;

  /**
   * @param options code, file label, optional place inside the file, and the English detail
   * @throws never
   */
  constructor(options: CoverageInputErrorOptions) {
    const place = options.where === undefined ? options.file : `${options.file} (${options.where})`;
    super(`${place}: ${options.detail}`);
    this.name = 'CoverageInputError';
    this.code = options.code;
    this.file = options.file;
    if (options.where !== undefined) this.where = options.where;
  }
}
