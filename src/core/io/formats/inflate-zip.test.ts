import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { CoverageInputError } from '../input-error';
import { inflateZipEntries, listZipEntries } from './inflate-zip';
import { readKmz, unzipEntries } from './read-kml';
import { readXlsxTable } from './read-xlsx-table';
import { filledParts, textPart, unpackableParts, writeHostileZip, type ZipPart } from '../../../../test/helpers/hostile-zip';

const FIXTURES = path.resolve(import.meta.dirname, '../../../../test/fixtures/parseInputBytes/in');
const MIB = 1024 * 1024;

const zeros = (bytes: number) => filledParts(bytes, 0);

function refusal(run: () => unknown): CoverageInputError {
  try {
    run();
  } catch (error) {
    if (error instanceof CoverageInputError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('inflateZipEntries', () => {
  it('gives back the wanted entries exactly, and nothing else', () => {
    const zip = zipSync({ 'a.txt': strToU8('xin chào'), 'b/c.dbf': new Uint8Array([1, 2, 3]), 'd.bin': new Uint8Array(5000) });
    const entries = inflateZipEntries(zip, ['a.txt', 'b/c.dbf']);
    expect(Object.keys(entries).sort()).toEqual(['a.txt', 'b/c.dbf']);
    expect(new TextDecoder().decode(entries['a.txt'])).toBe('xin chào');
    expect([...entries['b/c.dbf']]).toEqual([1, 2, 3]);
    expect(Object.getPrototypeOf(entries)).toBe(null);
    expect(listZipEntries(zip).map((entry) => [entry.name, entry.declaredBytes])).toEqual([['a.txt', 9], ['b/c.dbf', 3], ['d.bin', 5000]]);
  });

  it('counts one budget across all entries, not one per entry', () => {
    const zip = writeHostileZip(['a.kml', 'b.kml', 'c.kml'].map((name, index) => ({ name, parts: unpackableParts(2 * MIB, index + 1) })));
    // Each entry alone fits in 5 MiB; the three together do not.
    expect(Object.keys(inflateZipEntries(zip, ['a.kml', 'b.kml'], { budgetBytes: 5 * MIB }))).toHaveLength(2);
    expect(() => inflateZipEntries(zip, ['a.kml', 'b.kml', 'c.kml'], { budgetBytes: 5 * MIB })).toThrow(/more than 5 MB \(at c\.kml\)/);
  });

  it('stops an archive that unpacks far more than its size, before the budget', () => {
    const zip = writeHostileZip([{ name: 'a.dbf', parts: zeros(64 * MIB), statedBytes: 10 }]);
    expect(zip.length).toBeLessThan(256 * 1024);
    expect(() => inflateZipEntries(zip, ['a.dbf'])).toThrow(/more than 100 times its packed size \(at a\.dbf\)/);
    // Well-packed data within the ratio is read: 2 MiB of text that packs about 20 times.
    const text = Array.from({ length: 40_000 }, (_, index) => `ST${index};Viettel;105.${index % 997};9.${index % 991}\n`).join('');
    const csv = writeHostileZip([{ name: 'a.csv', parts: [textPart(text)] }]);
    expect(new TextDecoder().decode(inflateZipEntries(csv, ['a.csv'])['a.csv'])).toBe(text);
  });

  it('counts the bytes that come out, whatever the headers state', () => {
    const zip = writeHostileZip([{ name: 'a.shp', parts: unpackableParts(3 * MIB), statedBytes: 10 }]);
    expect(listZipEntries(zip)[0].declaredBytes).toBe(10);
    expect(() => inflateZipEntries(zip, ['a.shp'], { budgetBytes: 2 * MIB })).toThrow(/more than 2 MB/);
  });

  it('does not inflate an entry it is not asked for (a damaged one is never read)', () => {
    const zip = zipSync({ 'doc.kml': strToU8('<kml/>'), 'other.kml': new Uint8Array(4096).fill(7) }, { level: 9 });
    const damaged = zip.slice();
    // Overwrite other.kml's compressed data with bytes no inflater accepts.
    const start = listZipEntries(zip)[0].compressedBytes + 30 + 'doc.kml'.length + 30 + 'other.kml'.length;
    damaged.fill(0xff, start, start + 8);
    expect(() => inflateZipEntries(damaged, ['other.kml'])).toThrow();
    expect(new TextDecoder().decode(inflateZipEntries(damaged, ['doc.kml'])['doc.kml'])).toBe('<kml/>');
  });
});

describe('archive readers under the budget', () => {
  it('refuses a KMZ whose .kml entries together unpack past the budget, and reads only the .kml it uses', async () => {
    const kml = strToU8('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark><name>A</name><Point><coordinates>105.9,9.6</coordinates></Point></Placemark></kml>');
    // A .kml that is not the one read (doc.kml is preferred) is not inflated at all: damaged, it would fail.
    const withBomb = writeHostileZip([{ name: 'a.kml', parts: [{ bytes: new Uint8Array(4096).fill(7) }], statedBytes: 10 }, { name: 'doc.kml', parts: [{ bytes: kml }] }]);
    withBomb.fill(0xff, 30 + 'a.kml'.length, 30 + 'a.kml'.length + 8);
    expect((await readKmz(withBomb, 'odp.kmz')).features).toHaveLength(1);
    // Three entries of 1,000 MiB, as in the report: refused before inflating (a lying header is counted
    // as it unpacks, above and in scripts/check-archive-budget.ts, which times it).
    const bomb = writeHostileZip(['doc.kml', 'b.kml', 'c.kml'].map((name) => ({ name, parts: zeros(1000 * MIB) })));
    await expect(readKmz(bomb, 'bom.kmz')).rejects.toMatchObject({ code: 'archive-over-budget', file: 'bom.kmz', params: { entry: 'doc.kml', limitMb: 256 } });
    const understated = writeHostileZip(['doc.kml', 'b.kml', 'c.kml'].map((name) => ({ name, parts: zeros(1000 * MIB), statedBytes: 1000 })));
    await expect(readKmz(understated, 'bom.kmz')).rejects.toMatchObject({ code: 'archive-over-ratio', file: 'bom.kmz', params: { entry: 'doc.kml', ratio: 100 } });
  });

  it('refuses a zipped Shapefile whose parts unpack past the budget, naming the archive', () => {
    const zip = writeHostileZip([{ name: 'a.shp', parts: zeros(300 * MIB) }, { name: 'a.dbf', parts: zeros(MIB) }]);
    const error = refusal(() => unzipEntries(zip, 'ap.zip', (name) => /\.(shp|dbf)$/.test(name)));
    expect(error).toMatchObject({ code: 'archive-over-budget', file: 'ap.zip', params: { entry: 'a.shp', limitMb: 256 } });
  });

  it('refuses a small workbook holding one huge string before the spreadsheet reader sees it', async () => {
    const workbook = unzipSync(new Uint8Array(readFileSync(path.join(FIXTURES, 'fibre-xlsx.xlsx'))));
    const strings: ZipPart[] = [
      textPart('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>'),
      ...filledParts(400 * 1000 * 1000, 0x41),
      textPart('</t></si></sst>'),
    ];
    const xlsx = writeHostileZip(Object.entries(workbook).map(([name, bytes]) => ({ name, parts: name === 'xl/sharedStrings.xml' ? strings : [{ bytes }] })));
    expect(xlsx.length).toBeLessThan(600 * 1024);
    await expect(readXlsxTable(xlsx, 'tram.xlsx')).rejects.toMatchObject({ code: 'archive-over-budget', file: 'tram.xlsx', params: { entry: 'xl/sharedStrings.xml', limitMb: 256 } });
    // The same workbook with an ordinary string table is read as before.
    expect((await readXlsxTable(zipSync(workbook), 'tram.xlsx')).rows.length).toBeGreaterThan(0);
  });
});
