// Files are untrusted: names from a file (`__proto__`, `constructor`, `prototype`) are read as plain
// text and never change Object.prototype; whatever the bytes, a decode gives a result or a refusal that
// names its file and reads as a sentence in both languages, never another exception.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { untranslatedMessages } from '../../../test/helpers/messages';
import { formatInputProblem } from '../../i18n/format-message';
import { DEFAULT_CONFIG } from '../config/default-config';
import { isInputProblem } from './input-error';
import { parseInputBytes } from './parse-input-bytes';
import type { InputKind } from './parse-input-file';

const HOSTILE = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const prototypeKeys = (): string => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Parses, and checks what the answer must always be; returns the parsed file, or null when refused. */
async function parseChecked(kind: InputKind, file: string, text: string) {
  const before = prototypeKeys();
  try {
    const parsed = await parseInputBytes(kind, file, new TextEncoder().encode(text), DEFAULT_CONFIG);
    for (const summary of parsed.summaries) expect(untranslatedMessages(summary.skipped, summary.warnings)).toEqual([]);
    return parsed;
  } catch (error) {
    if (!isInputProblem(error)) throw error;
    expect(error.file).toBe(file);
    for (const locale of ['vi', 'en'] as const) expect(formatInputProblem(locale, error)).not.toMatch(/\{\w+\}|msg\./);
    return null;
  } finally {
    expect(prototypeKeys()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }
}

describe('names from a file are plain text', () => {
  it('reads columns named __proto__, constructor and prototype as columns', async () => {
    const csv = '__proto__,constructor,prototype,ma_tram,nha_mang,kinh_do,vi_do,cong_nghe\n{"polluted":1},x,y,ST1,Viettel,105.9,9.6,4G\n';
    const parsed = await parseChecked('sites', 'tram.csv', csv);
    expect(parsed?.input.btsRecords).toHaveLength(1);
  });

  it('keeps hamlet properties named __proto__ as ordinary properties, and finds no field where the file has none', async () => {
    const json = '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"__proto__":{"polluted":1},"constructor":"c","ma_ap":"A1","ten_ap":"Ấp 1","xa":"X","huyen":"H"},"geometry":{"type":"Polygon","coordinates":[[[105.9,9.6],[105.91,9.6],[105.91,9.61],[105.9,9.6]]]}}]}';
    const parsed = await parseChecked('hamlets', 'ap.geojson', json);
    const properties = parsed!.input.hamlets![0].properties;
    expect(Object.getPrototypeOf(properties)).toBeNull();
    expect(Object.keys(properties)).toEqual(['__proto__', 'constructor', 'ma_ap', 'ten_ap', 'xa', 'huyen']);
    expect(properties.constructor).toBe('c');
    const config = { ...DEFAULT_CONFIG, fields: { ...DEFAULT_CONFIG.fields, households: ['toString', 'hasOwnProperty'] } };
    const counted = await parseInputBytes('hamlets', 'ap.geojson', new TextEncoder().encode(json.replace('"constructor":"c",', '')), config);
    expect(counted.input.hamlets![0].households).toBeUndefined();
  });

  it('never lets any table or collection of hostile names change Object.prototype, throw, or leave a message untranslated (property)', async () => {
    const name = fc.oneof(fc.constantFrom(...HOSTILE, 'ma_tram', 'nha_mang', 'kinh_do', 'vi_do', 'cong_nghe', 'id', 'lon', 'lat'), fc.string({ maxLength: 6 }));
    const cell = fc.oneof(fc.constantFrom('{"polluted":1}', '105.9', '9.6', 'Viettel', '4G', '', '__proto__'), fc.string({ maxLength: 6 }));
    const table = fc.record({ headers: fc.array(name, { minLength: 1, maxLength: 8 }), rows: fc.array(fc.array(cell, { maxLength: 9 }), { maxLength: 6 }) });
    await fc.assert(
      fc.asyncProperty(table, fc.constantFrom<InputKind>('sites', 'fibre', 'indicators'), async ({ headers, rows }, kind) => {
        const csv = [headers, ...rows].map((row) => row.map((value) => `"${value.replace(/"/g, '""')}"`).join(',')).join('\n');
        await parseChecked(kind, 'fuzz.csv', csv);
        const features = rows.map((row) => `{"type":"Feature","properties":{${headers.map((header, index) => `${JSON.stringify(header)}:${JSON.stringify(row[index] ?? null)}`).join(',')}},"geometry":{"type":"Point","coordinates":[105.9,9.6]}}`);
        await parseChecked(kind === 'indicators' ? 'sites' : kind, 'fuzz.geojson', `{"type":"FeatureCollection","features":[${features.join(',')}]}`);
      }),
      { seed: 12012, numRuns: 300 },
    );
  });
});
