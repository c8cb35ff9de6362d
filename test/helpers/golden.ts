/**
 * Golden-fixture runner: every file in `test/fixtures/<function>/in/` is one case; its expected output is
 * `out/<case>.json`. Outputs are rounded to 6 decimals and their keys sorted before comparing, so diffs
 * stay readable. `UPDATE_GOLDEN=1` rewrites the `out` files instead of comparing; review the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MESSAGE_CODES, type Message, type SkippedItem, type Warning } from '../../src/core';
import { formatInputProblem, formatSkipped, formatWarning } from '../../src/i18n/format-message';

/** One input file of a golden case. */
export interface GoldenCase {
  /** The case name: the input file name without its extension (`csv-tab-delimited`). */
  name: string;
  /** The input file name, used as the `file` label of parsers (`csv-tab-delimited.csv`). */
  fileName: string;
  /** The raw text of the input file. */
  text: string;
  /** The input parsed as JSON (for `.json` / `.geojson` cases). */
  json(): unknown;
}

const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
const DECIMALS = 1e6;

/**
 * Rounds numbers to 6 decimals, turns -0 into 0, sorts object keys and drops `undefined` members,
 * recursively, so that the value can be compared with a stored JSON file.
 * @param value any JSON-like value
 * @returns a normalised copy
 * @example normalizeGolden({ b: 1.23456789, a: -0 }) // { a: 0, b: 1.234568 }
 */
export function normalizeGolden(value: unknown): unknown {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return String(value);
    const rounded = Math.abs(value) < 1e9 ? Math.round(value * DECIMALS) / DECIMALS : value;
    return rounded === 0 ? 0 : rounded;
  }
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : normalizeGolden(item)));
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = normalizeGolden(member);
    }
    return sorted;
  }
  return value;
}

/**
 * JSON with 2-space indentation, but arrays of plain values on one line (`[105.97, 9.6]`), so positions
 * and technology lists stay compact. Ends with a newline.
 * @param value a normalised value (see {@link normalizeGolden})
 * @returns the text of a golden file
 * @example stringifyGolden({ a: [1, 2] }) // '{\n  "a": [1, 2]\n}\n'
 */
export function stringifyGolden(value: unknown): string {
  return `${write(value, '')}\n`;
}

function write(value: unknown, indent: string): string {
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((item) => item === null || typeof item !== 'object')) return `[${value.map((item) => JSON.stringify(item)).join(', ')}]`;
    return `[\n${value.map((item) => `${inner}${write(item, inner)}`).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, member]) => `${inner}${JSON.stringify(key)}: ${write(member, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * Lists the cases of one function's fixture directory.
 * @param functionName the directory under `test/fixtures/` (`parseBtsCsv`)
 * @returns the cases, sorted by name
 * @example goldenCases('parseCsvTable').map((item) => item.name) // ['csv-tab-delimited', …]
 */
export function goldenCases(functionName: string): GoldenCase[] {
  const inputDir = join(FIXTURES_DIR, functionName, 'in');
  if (!existsSync(inputDir)) return [];
  return readdirSync(inputDir)
    .filter((fileName) => !fileName.startsWith('.'))
    .sort()
    .map((fileName) => {
      const text = readFileSync(join(inputDir, fileName), 'utf8');
      return { name: fileName.slice(0, -extname(fileName).length), fileName, text, json: () => JSON.parse(text) as unknown };
    });
}

/**
 * The output recorded for a case: what `run` returns, or `{ error: { name, code, where, message } }` when
 * it throws an error that has a `code` (a `CoverageInputError`), so fatal cases are fixtures too.
 * @param run the function under test, adapted to a case
 * @param goldenCase the case
 * @returns the normalised output
 * @throws whatever `run` throws when it is not a coded error
 * @example captureGolden(() => 1.0000001, someCase) // 1
 */
export function captureGolden(run: (goldenCase: GoldenCase) => unknown, goldenCase: GoldenCase): unknown {
  try {
    return normalizeGolden(withMessageTexts(run(goldenCase)));
  } catch (error) {
    if (!(error instanceof Error) || !('code' in error)) throw error;
    const { name } = error;
    const { code, where, file, params } = error as Error & { code: string; where?: string; file?: string; params?: Message['params'] };
    const text = file !== undefined && params !== undefined ? formatInputProblem('en', { code: code as Message['code'], params, file, ...(where === undefined ? {} : { where }) }) : error.message;
    return normalizeGolden({ error: { name, code, where, text } });
  }
}

const CORE_CODES: ReadonlySet<string> = new Set(MESSAGE_CODES);

/**
 * Core's messages (`{ code, params }`: warnings, skipped rows, reasons) written as their English text,
 * so a golden reads as the user reads it and checks the translation too; code and place are kept.
 */
export function withMessageTexts(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withMessageTexts);
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  // Only core's messages: other coded texts (the annual report's, the siting engine's) stay as they are.
  if (typeof record.code === 'string' && CORE_CODES.has(record.code) && record.params !== null && typeof record.params === 'object') {
    const text = 'also' in record ? formatSkipped('en', record as unknown as SkippedItem) : formatWarning('en', record as unknown as Warning);
    return { code: record.code, where: record.where, text };
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record)) out[key] = withMessageTexts(record[key]);
  return out;
}

/**
 * Declares one vitest test per case of `test/fixtures/<functionName>/in/`, comparing the output with
 * `out/<case>.json`, or writing it when `UPDATE_GOLDEN=1`. Also fails when the directory has no cases or
 * when an `out` file has no input.
 * @param functionName the directory under `test/fixtures/`
 * @param run the function under test, adapted to a case
 * @example describeGolden('parseBtsCsv', (input) => parseBtsCsv(input.text, input.fileName));
 */
export function describeGolden(functionName: string, run: (goldenCase: GoldenCase) => unknown): void {
  const outputDir = join(FIXTURES_DIR, functionName, 'out');
  const cases = goldenCases(functionName);
  const isUpdating = process.env.UPDATE_GOLDEN === '1';

  describe(`${functionName} golden fixtures`, () => {
    it('has cases, and no output without an input', () => {
      expect(cases.length, `no files in test/fixtures/${functionName}/in`).toBeGreaterThan(0);
      const names = new Set(cases.map((goldenCase) => `${goldenCase.name}.json`));
      const orphans = existsSync(outputDir) ? readdirSync(outputDir).filter((fileName) => !names.has(fileName)) : [];
      expect(orphans, `out files without an input in test/fixtures/${functionName}`).toEqual([]);
    });

    for (const goldenCase of cases) {
      it(goldenCase.name, () => {
        const actual = captureGolden(run, goldenCase);
        const outputPath = join(outputDir, `${goldenCase.name}.json`);
        if (isUpdating) {
          mkdirSync(outputDir, { recursive: true });
          writeFileSync(outputPath, stringifyGolden(actual));
          return;
        }
        expect(existsSync(outputPath), `missing test/fixtures/${functionName}/out/${goldenCase.name}.json; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
        expect(actual).toEqual(JSON.parse(readFileSync(outputPath, 'utf8')));
      });
    }
  });
}
