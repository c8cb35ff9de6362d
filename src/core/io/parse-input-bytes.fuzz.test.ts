// Fuzzing every reader behind parseInputBytes: whatever the bytes, the answer is a result whose rows
// are all accounted for, or a CoverageInputError — never another exception, never a hang.
// About 10,000 cases in all, with fixed seeds (printed by fast-check when a property fails).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config/default-config';
import { detectCrsFromPrj } from '../crs/detect-crs-from-prj';
import { guessCrs } from '../crs/guess-crs';
import { decodeText } from './decode-text';
import { CoverageInputError } from './input-error';
import { parseCoordinate } from './parse-coordinate';
import { parseInputBytes, type ParsedInputBytes } from './parse-input-bytes';
import type { InputKind } from './parse-input-file';
import { untranslatedMessages } from '../../../test/helpers/messages';
import { formatInputProblem } from '../../i18n/format-message';

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/parseInputBytes/in/', import.meta.url));
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${FIXTURES}${name}`));

function expectAccounted(parsed: ParsedInputBytes): void {
  for (const summary of parsed.summaries) {
    expect(summary.rowsRead).toBe(summary.rowsUsed + summary.skipped.length);
    for (const { where } of summary.skipped) expect(where.length).toBeGreaterThan(0);
    expect(untranslatedMessages(summary.skipped, summary.warnings)).toEqual([]);
  }
}

const prototypeKeys = (): string => Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/**
 * Parses and checks what the answer must always be: every row accounted for and every message
 * translated, or a refusal that names this file (and a place inside it when it has one) in words in
 * both languages; never another exception, never a change to Object.prototype.
 */
async function expectParsedOrRefused(kind: InputKind, file: string, bytes: Uint8Array): Promise<void> {
  const before = prototypeKeys();
  try {
    expectAccounted(await parseInputBytes(kind, file, bytes, DEFAULT_CONFIG));
  } catch (error) {
    if (!(error instanceof CoverageInputError)) throw error;
    expect(error.file.startsWith(file)).toBe(true);
    for (const locale of ['vi', 'en'] as const) expect(formatInputProblem(locale, error)).not.toMatch(/\{\w+\}|msg\./);
  } finally {
    expect(prototypeKeys()).toBe(before);
  }
}

/** Flips, drops or inserts bytes of a valid file. */
const mutations = (length: number) =>
  fc.array(fc.record({ at: fc.nat({ max: Math.max(0, length - 1) }), kind: fc.constantFrom('flip', 'drop', 'insert'), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 6 });

function mutate(bytes: Uint8Array, edits: { at: number; kind: string; value: number }[]): Uint8Array {
  const out = [...bytes];
  for (const { at, kind, value } of edits) {
    const index = Math.min(at, out.length - 1);
    if (kind === 'flip') out[index] = value;
    else if (kind === 'drop') out.splice(index, 1);
    else out.splice(index, 0, value);
  }
  return Uint8Array.from(out);
}

describe('input readers never crash (property)', () => {
  it('decodeText: any bytes give text or binary-file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          expect(typeof decodeText(bytes).text).toBe('string');
        } catch (error) {
          expect(error).toBeInstanceOf(CoverageInputError);
        }
      }),
      { seed: 601, numRuns: 1500 },
    );
  });

  it('parseCoordinate: any text gives a finite number or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 24 }), fc.stringMatching(/^[NSEWĐB -]?\d{1,3}[°d: ]?\d{0,2}['′m: ]?\d{0,2}([.,]\d{1,3})?["″s]?[NSEWĐB]?$/)), (text) => {
        const value = parseCoordinate(text);
        expect(value === null || Number.isFinite(value)).toBe(true);
      }),
      { seed: 602, numRuns: 1800 },
    );
  });

  it('detectCrsFromPrj and guessCrs: any WKT-like text or positions give an answer', () => {
    const wkt = fc.tuple(fc.constantFrom('PROJCS["', 'GEOGCS["', 'PROJCRS["', ''), fc.string({ maxLength: 20 }), fc.constantFrom('VN_2000', 'WGS_1984', 'x'), fc.constantFrom('PARAMETER["Central_Meridian",', 'TOWGS84[', 'PARAMETER["Scale_Factor",'), fc.double({ noNaN: true }), fc.constantFrom(']]', ']', '')).map((parts) => parts.join(''));
    fc.assert(fc.property(wkt, (text) => {
      const reading = detectCrsFromPrj(text);
      expect(reading === null || typeof reading.crs.proj4 === 'string').toBe(true);
    }), { seed: 603, numRuns: 500 });
    const position = fc.tuple(fc.double({ min: -3e6, max: 3e6, noNaN: true }), fc.double({ min: -3e6, max: 3e6, noNaN: true }));
    fc.assert(fc.property(fc.array(position, { maxLength: 6 }), (positions) => {
      const guess = guessCrs(positions, { sampleSize: 6 });
      expect(['high', 'medium', 'low', 'none']).toContain(guess.confidence);
    }), { seed: 604, numRuns: 300 });
  });

  it('CSV site lists in UTF-8, UTF-16 or cp1258, with DMS or metres', async () => {
    const cell = fc.constantFrom('', 'Viettel', 'VNPT', '4G', '105°57\'54"E', '9°36\'N', '105,97', '9.6', '550842.9', '1062205.8', 'x', '"', ';', '\t', 'Ấp');
    const table = fc.tuple(fc.constantFrom(',', ';', '\t'), fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), fc.constantFrom('utf8', 'utf16le', 'bom'));
    await fc.assert(
      fc.asyncProperty(table, async ([delimiter, rows, encoding]) => {
        const text = ['lon,lat,operator,tech'.replace(/,/g, delimiter), ...rows.map((row) => row.join(delimiter))].join('\n');
        const bytes = encoding === 'utf16le' ? new Uint8Array(Buffer.from(`\ufeff${text}`, 'utf16le')) : new TextEncoder().encode(encoding === 'bom' ? `\ufeff${text}` : text);
        await expectParsedOrRefused('sites', 'fuzz.csv', bytes);
      }),
      { seed: 605, numRuns: 1500 },
    );
  });

  it('GeoJSON with a crs member, and TopoJSON', async () => {
    const position = fc.tuple(fc.oneof(fc.double({ min: 100, max: 112, noNaN: true }), fc.double({ min: 4e5, max: 7e5, noNaN: true }), fc.constant(Number.NaN)), fc.oneof(fc.double({ min: 8, max: 24, noNaN: true }), fc.double({ min: 1e6, max: 1.2e6, noNaN: true })));
    const geometry = fc.oneof(
      fc.record({ type: fc.constant('Point'), coordinates: position }),
      fc.record({ type: fc.constant('Polygon'), coordinates: fc.array(fc.array(position, { maxLength: 6 }), { maxLength: 2 }) }),
      fc.constant(null),
    );
    const crs = fc.option(fc.record({ type: fc.constantFrom('name', 'EPSG'), properties: fc.record({ name: fc.constantFrom('EPSG:3405', 'urn:ogc:def:crs:EPSG::32648', 'EPSG:1', 'vn2000-tm:105.5'), code: fc.integer() }) }));
    const collection = fc.record({ type: fc.constant('FeatureCollection'), crs, features: fc.array(fc.record({ type: fc.constant('Feature'), properties: fc.dictionary(fc.constantFrom('ma_ap', 'operator', 'tech', 'id'), fc.string({ maxLength: 4 })), geometry }), { maxLength: 5 }) });
    await fc.assert(
      fc.asyncProperty(collection, fc.constantFrom<InputKind>('hamlets', 'sites', 'fibre'), async (json, kind) => {
        await expectParsedOrRefused(kind, 'fuzz.geojson', new TextEncoder().encode(JSON.stringify(json)));
      }),
      { seed: 606, numRuns: 1000 },
    );
    const topology = fc.record({ type: fc.constant('Topology'), arcs: fc.array(fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 })), { maxLength: 4 }), { maxLength: 3 }), objects: fc.record({ a: fc.record({ type: fc.constantFrom('GeometryCollection', 'Polygon', 'Point', 'x'), arcs: fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 3 }), { maxLength: 2 }), coordinates: fc.tuple(fc.integer(), fc.integer()), geometries: fc.array(fc.record({ type: fc.constantFrom('Polygon', 'LineString'), arcs: fc.array(fc.array(fc.integer({ min: -4, max: 4 }), { maxLength: 3 }), { maxLength: 2 }) }), { maxLength: 2 }) }) }) });
    await fc.assert(
      fc.asyncProperty(topology, async (json) => {
        await expectParsedOrRefused('hamlets', 'fuzz.topojson', new TextEncoder().encode(JSON.stringify(json)));
      }),
      { seed: 607, numRuns: 1000 },
    );
  });

  it('KML text and mutated KMZ', async () => {
    const kml = new TextDecoder().decode(fixture('fibre-kml.kml'));
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: kml.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 12 }), async (at, cut, insert) => {
        await expectParsedOrRefused('fibre', 'fuzz.kml', new TextEncoder().encode(kml.slice(0, at) + insert + kml.slice(at + cut)));
      }),
      { seed: 608, numRuns: 1000 },
    );
    const kmz = fixture('hamlets-kmz.kmz');
    await fc.assert(fc.asyncProperty(mutations(kmz.length), async (edits) => expectParsedOrRefused('hamlets', 'fuzz.kmz', mutate(kmz, edits))), { seed: 609, numRuns: 300 });
  });

  it('zipped Shapefiles with damaged .shp / .dbf / .prj / .cpg', async () => {
    const entries = unzipSync(fixture('hamlets-shp-vn2000-utm48-prj-cp1258-cpg.zip'));
    const names = Object.keys(entries).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(fc.record({ at: fc.nat({ max: 400 }), kind: fc.constantFrom('flip', 'drop', 'insert'), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 4 }), async (name, edits) => {
        // Damage one file inside a valid zip, so the Shapefile readers (not the zip reader) see it.
        await expectParsedOrRefused('hamlets', 'fuzz.zip', zipSync({ ...entries, [name]: mutate(entries[name], edits) }));
      }),
      { seed: 610, numRuns: 1000 },
    );
  });

  it('mutated .xlsx workbooks', async () => {
    const workbook = unzipSync(fixture('fibre-xlsx.xlsx'));
    const names = Object.keys(workbook).filter((name) => name.endsWith('.xml')).sort();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.nat({ max: 2000 }), fc.constantFrom('', '<', '<c r="A1"><v>x</v></c>', '"', '&', '</row>'), async (name, at, insert) => {
        const xml = new TextDecoder().decode(workbook[name]);
        const edited = new TextEncoder().encode(xml.slice(0, at) + insert + xml.slice(at + (insert === '' ? 5 : 0)));
        await expectParsedOrRefused('fibre', 'fuzz.xlsx', zipSync({ ...workbook, [name]: edited }));
      }),
      { seed: 611, numRuns: 100 },
    );
  });
});
