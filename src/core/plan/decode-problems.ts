import * as v from 'valibot';

/** One thing wrong with a decoded file or record: a code for the translated message, where, and what was found. */
export interface DecodeProblem {
  /** `invalid` (wrong type or out of range), `unknown-key` (not allowed here), `duplicate` (an id listed twice). */
  code: 'invalid' | 'unknown-key' | 'duplicate';
  /** A JSON path such as `plan.targets[3].target`; `''` for the whole value. */
  path: string;
  /** What was expected, language-neutral (`"share" | "mbps"`, `>=0`, `string`), when known. */
  expected?: string;
  /** What was found, language-neutral (`"abc"`, `-1`, `undefined`). */
  received?: string;
}

/** The result of a decoder: the typed value, or the problems (at most {@link MAX_DECODE_PROBLEMS}). */
export type DecodeResult<T> = { ok: true; value: T } | { ok: false; problems: DecodeProblem[] };

export const MAX_DECODE_PROBLEMS = 20;

function joinPath(prefix: string, issue: v.BaseIssue<unknown>): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key = item.key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/**
 * Runs a valibot schema on untrusted data and lists its problems by JSON path.
 * @param schema the schema (strict objects refuse unknown keys)
 * @param value the parsed JSON
 * @param prefix the path of `value` inside its file (`plan`, `snapshots[2]`), or `''`
 * @returns the typed output, or up to 20 problems
 * @example decodeWithSchema(v.number(), 'x', 'a').ok // false
 */
export function decodeWithSchema<T extends v.GenericSchema>(schema: T, value: unknown, prefix = ''): DecodeResult<v.InferOutput<T>> {
  const result = v.safeParse(schema, value, { abortPipeEarly: true });
  if (result.success) return { ok: true, value: result.output };
  const problems = result.issues.slice(0, MAX_DECODE_PROBLEMS).map((issue): DecodeProblem => {
    const isUnknownKey = issue.type === 'strict_object' && issue.expected === 'never';
    return {
      code: isUnknownKey ? 'unknown-key' : 'invalid',
      path: joinPath(prefix, issue),
      ...(issue.expected === null || isUnknownKey ? {} : { expected: issue.expected }),
      received: issue.received,
    };
  });
  return { ok: false, problems };
}

/** Text from a file: at most `maxLength` characters, trimmed, not empty. */
export const boundedText = (maxLength: number) => v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(maxLength));

/** An ISO calendar date `YYYY-MM-DD`. */
export const isoDateText = () => v.pipe(v.string(), v.isoDate());

/** A finite JSON number. */
export const finiteNumber = () => v.pipe(v.number(), v.finite());

/**
 * A schema set built on first use: a module's top level then makes no call, so a bundle that does not
 * decode (a worker, the first load) drops the schemas and valibot with them.
 * @param build makes the schemas
 * @returns a function giving the same schemas on every call
 * @example const schemas = lazySchemas(() => ({ year: v.number() })); schemas().year
 */
export function lazySchemas<T>(build: () => T): () => T {
  let built: T | undefined;
  return () => (built ??= build());
}
