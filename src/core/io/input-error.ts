import type { InputProblem, Message, MessageCode, MessageParams } from '../messages';

/** What kind of fatal input problem a {@link CoverageInputError} reports: any message code. */
export type CoverageInputErrorCode = MessageCode;

/** Constructor options of {@link CoverageInputError}. */
export interface CoverageInputErrorOptions {
  code: MessageCode;
  /** The label of the input (usually its file name), as given to the parser. */
  file: string;
  /** Where inside the input, language-neutral: `radiiMeters.4G`, `ap.zip/ap.shp`. Absent = the whole input. */
  where?: string;
  /** The message's parameters (see `src/core/messages.ts`). */
  params?: MessageParams;
  /** The underlying exception (a library's own error), kept for debugging, never shown as the reason. */
  cause?: unknown;
}

/**
 * A fatal input problem: the input as a whole cannot be used (not a FeatureCollection, no coordinate
 * columns, an empty file, an invalid configuration value). Problems with single rows never throw: parsers
 * report them in `ImportResult.skipped` instead.
 *
 * It is a message (`code` + `params`) about `file` (and `where` inside it), translated at the edge
 * (`formatInputProblem`); `message` is a developer's summary, not meant for users.
 * @example
 * throw new CoverageInputError({ code: 'file-empty', file: 'bts.csv' });
 * // code 'file-empty', file 'bts.csv'; message "bts.csv: file-empty {}"
 */
export class CoverageInputError extends Error implements InputProblem {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly file: string;
  readonly where?: string;

  /**
   * @param options code, file label, optional place inside the file, parameters and cause
   * @throws never
   */
  constructor(options: CoverageInputErrorOptions) {
    const place = options.where === undefined ? options.file : `${options.file} (${options.where})`;
    const params = options.params ?? {};
    super(`${place}: ${options.code} ${safeJson(params)}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CoverageInputError';
    this.code = options.code;
    this.params = params;
    this.file = options.file;
    if (options.where !== undefined) this.where = options.where;
  }

  /** The problem as plain data (for a worker message or a report). */
  toProblem(): InputProblem {
    return { code: this.code, params: this.params, file: this.file, ...(this.where === undefined ? {} : { where: this.where }) };
  }
}

/**
 * Whether a value is an {@link InputProblem} (a {@link CoverageInputError}, or one that crossed a worker
 * boundary as plain data).
 * @param value anything
 * @returns `true` when it has a code, params and a file label
 * @throws never
 * @example isInputProblem(new CoverageInputError({ code: 'file-empty', file: 'a.csv' })) // true
 */
export function isInputProblem(value: unknown): value is InputProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { code, params, file } = value as { code?: unknown; params?: unknown; file?: unknown };
  return typeof code === 'string' && typeof params === 'object' && params !== null && typeof file === 'string';
}

/**
 * A message as an input problem of one file.
 * @param file the input's label
 * @param reason the message
 * @param where a place inside the input
 * @returns the problem
 * @throws never
 * @example problemOf('a.csv', message('no-rows'))
 */
export function problemOf(file: string, reason: Message, where?: string): InputProblem {
  return { ...reason, file, ...(where === undefined ? {} : { where }) };
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
  } catch {
    return '';
  }
}
