import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeGolden, stringifyGolden, withMessageTexts } from '../../../test/helpers/golden';
import { buildCoverageReport, createCoverageAnalysis } from '../analyze-coverage';
import { DEFAULT_CONFIG } from '../config/default-config';
import type { KpiSet } from '../types';
import { CoverageInputError } from './input-error';
import { parseInputBytes, type ParsedInputBytes, type ParseInputOptions } from './parse-input-bytes';
import { combineInputFiles, type InputKind } from './parse-input-file';
import { formatWarning } from '../../i18n/format-message';
import { asyncRefusal } from '../../../test/helpers/messages';

// The same three hamlets, five BTS records and three fibre points in every format, encoding and
// coordinate system (written by scripts/fixtures/build-import-fixtures.ts): each must give the KPIs of
// the plain WGS84 GeoJSON / CSV reference.
const DIR = fileURLToPath(new URL('../../../test/fixtures/parseInputBytes/', import.meta.url));
const CASES = readdirSync(join(DIR, 'in')).filter((name) => !name.startsWith('.')).sort();
const OPTIONS = JSON.parse(readFileSync(join(DIR, 'options.json'), 'utf8')) as Record<string, ParseInputOptions>;
const caseName = (fileName: string): string => fileName.replace(/\.[^.]+$/, '');
const kindOf = (fileName: string): InputKind => fileName.split('-')[0] as InputKind;

async function parseCase(fileName: string): Promise<ParsedInputBytes> {
  return parseInputBytes(kindOf(fileName), fileName, new Uint8Array(readFileSync(join(DIR, 'in', fileName))), DEFAULT_CONFIG, OPTIONS[caseName(fileName)] ?? {});
}

function kpisOf(files: ParsedInputBytes[]): KpiSet {
  const { input } = combineInputFiles(files);
  return buildCoverageReport(createCoverageAnalysis(input, DEFAULT_CONFIG)).kpis;
}

/** What a case's golden file records: how the file was read and the items it gave. */
function goldenOf(parsed: ParsedInputBytes): unknown {
  const { input, summaries, format, encoding, crs, sheet } = parsed;
  return normalizeGolden(withMessageTexts({ format, encoding, sheet, crs, summaries, items: input.hamlets ?? input.btsRecords ?? input.fibrePoints }));
}

describe('parseInputBytes: every format, encoding and coordinate system gives the same layer', () => {
  const parsed = new Map<string, ParsedInputBytes>();
  let reference: { hamlets: ParsedInputBytes; sites: ParsedInputBytes; fibre: ParsedInputBytes };
  let referenceKpis: KpiSet;
  beforeAll(async () => {
    for (const fileName of CASES) parsed.set(fileName, await parseCase(fileName));
    reference = { hamlets: parsed.get('hamlets-geojson-wgs84.geojson')!, sites: parsed.get('sites-csv-utf8.csv')!, fibre: parsed.get('fibre-geojson.geojson')! };
    referenceKpis = kpisOf([reference.hamlets, reference.sites, reference.fibre]);
  });

  it('has a case per format and the reference covers something', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(20);
    expect(referenceKpis.hamlets).toBe(3);
    expect(referenceKpis.sites).toBe(4);
    expect(referenceKpis.sharedSites).toBe(1);
    expect(referenceKpis.coveredMobile).toBeGreaterThan(0);
    expect(referenceKpis.coveredFtth).toBeGreaterThan(0);
  });

  for (const fileName of CASES) {
    it(`${fileName}: reads every row, matches its golden, gives the reference KPIs`, () => {
      const file = parsed.get(fileName)!;
      for (const summary of file.summaries) {
        expect(summary.skipped, fileName).toEqual([]);
        expect(summary.rowsUsed).toBe(summary.rowsRead);
      }
      const golden = goldenOf(file);
      const outPath = join(DIR, 'out', `${caseName(fileName)}.json`);
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(join(DIR, 'out'), { recursive: true });
        writeFileSync(outPath, stringifyGolden(golden));
      } else {
        expect(existsSync(outPath), `missing ${outPath}; run with UPDATE_GOLDEN=1 and review it`).toBe(true);
        expect(golden).toEqual(JSON.parse(readFileSync(outPath, 'utf8')));
      }
      const kind = kindOf(fileName);
      const layers = { ...reference, [kind]: file };
      const kpis = kpisOf([layers.hamlets, layers.sites, layers.fibre]);
      for (const [key, value] of Object.entries(referenceKpis)) {
        if (typeof value === 'number') expect(kpis[key as keyof KpiSet] as number, key).toBeCloseTo(value, 5);
        else expect(kpis[key as keyof KpiSet], key).toEqual(value);
      }
      if (kind === 'hamlets') {
        expect(file.input.hamlets!.map((hamlet) => [hamlet.id, hamlet.name, hamlet.commune, hamlet.district, hamlet.households])).toEqual(
          reference.hamlets.input.hamlets!.map((hamlet) => [hamlet.id, hamlet.name, hamlet.commune, hamlet.district, hamlet.households]),
        );
      }
    });
  }

  it('has no golden output without an input', () => {
    const names = new Set(CASES.map((fileName) => `${caseName(fileName)}.json`));
    expect(readdirSync(join(DIR, 'out')).filter((name) => !names.has(name))).toEqual([]);
  });
});

describe('parseInputBytes: clear refusals', () => {
  const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

  it('refuses a table as hamlet polygons, naming the formats that work', async () => {
    expect((await asyncRefusal(() => parseInputBytes('hamlets', 'ap.csv', bytes('a,b\n1,2\n'), DEFAULT_CONFIG))).text).toMatch(/^ap\.csv: hamlet boundaries must be polygons \(GeoJSON, TopoJSON, KML\/KMZ or a zipped Shapefile\)/);
  });

  it('names the sheets when the chosen one does not exist', async () => {
    const xlsx = new Uint8Array(readFileSync(join(DIR, 'in', 'sites-xlsx-second-sheet.xlsx')));
    expect((await asyncRefusal(() => parseInputBytes('sites', 'bts.xlsx', xlsx, DEFAULT_CONFIG, { sheet: 'Sheet9' }))).text).toBe('bts.xlsx: no sheet "Sheet9"; the workbook has 1: Ghi chú, 2: Trạm BTS');
  });

  it('reads the sheet by index too, and says which sheet it chose when none is given', async () => {
    const xlsx = new Uint8Array(readFileSync(join(DIR, 'in', 'sites-xlsx-second-sheet.xlsx')));
    expect((await parseInputBytes('sites', 'bts.xlsx', xlsx, DEFAULT_CONFIG, { sheet: 2 })).summaries[0].rowsUsed).toBe(5);
    const first = parseInputBytes('sites', 'bts.xlsx', xlsx, DEFAULT_CONFIG);
    await expect(first).rejects.toBeInstanceOf(CoverageInputError);
  });

  it('refuses an old .xls and a broken zip with a message, not a stack trace', async () => {
    const xls = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    expect((await asyncRefusal(() => parseInputBytes('sites', 'bts.xlsx', xls, DEFAULT_CONFIG))).text).toMatch(/^bts\.xlsx: this is an old Excel 97–2003 \.xls file; save it as \.xlsx/);
    await expect(parseInputBytes('hamlets', 'ap.zip', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), DEFAULT_CONFIG)).rejects.toBeInstanceOf(CoverageInputError);
  });

  it('honours a --crs override over the guess', async () => {
    const file = new Uint8Array(readFileSync(join(DIR, 'in', 'hamlets-geojson-vn2000-tm105_5-guessed.geojson')));
    const parsed = await parseInputBytes('hamlets', 'ap.geojson', file, DEFAULT_CONFIG, { crs: 'vn2000-tm:105.75' });
    expect(parsed.crs).toMatchObject({ source: 'option', crsId: 'vn2000-tm:105.75', confidence: 'high' });
    // A quarter degree east of where the hamlets really are.
    expect(parsed.input.hamlets![0].geometry.coordinates[0][0][0]).toBeCloseTo(105.955 + 0.25, 2);
    expect((await asyncRefusal(() => parseInputBytes('hamlets', 'ap.geojson', file, DEFAULT_CONFIG, { crs: 'EPSG:9999' }))).text).toMatch(/^ap\.geojson: unknown coordinate system "EPSG:9999"/);
  });

  it('swaps a hamlet layer written latitude first, and says so', async () => {
    const swapped = JSON.parse(readFileSync(join(DIR, 'in', 'hamlets-geojson-wgs84.geojson'), 'utf8'));
    for (const feature of swapped.features) feature.geometry.coordinates = feature.geometry.coordinates.map((ring: number[][]) => ring.map(([x, y]) => [y, x]));
    const parsed = await parseInputBytes('hamlets', 'ap.geojson', bytes(JSON.stringify(swapped)), DEFAULT_CONFIG);
    expect(parsed.summaries[0]).toMatchObject({ rowsRead: 3, rowsUsed: 3 });
    expect(parsed.crs).toMatchObject({ crsId: 'EPSG:4326', isSwapped: true });
    expect(parsed.summaries[0].warnings.map((warning) => warning.code)).toContain('swapped-layer');
    expect(parsed.input.hamlets![0].geometry.coordinates[0][0]).toEqual([105.955, 9.595]);
  });

  it('reads indicators from an Excel sheet, and lists repeated fibre ids', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Chỉ tiêu').addRows([['chi_tieu', 'gia_tri', 'ngay'], ['ftth-households', '85 %', new Date(Date.UTC(2024, 11, 31))], ['mobile-speed-mbps', 42.5, '']]);
    const indicators = await parseInputBytes('indicators', 'chi-tieu.xlsx', new Uint8Array(await book.xlsx.writeBuffer()), DEFAULT_CONFIG);
    expect(indicators.input.indicators).toEqual([
      { indicator: 'ftth-households', value: 0.85, date: '2024-12-31', source: 'chi-tieu.xlsx[Chỉ tiêu]:2' },
      { indicator: 'mobile-speed-mbps', value: 42.5, source: 'chi-tieu.xlsx[Chỉ tiêu]:3' },
    ]);
    const fibre = await parseInputBytes('fibre', 'odp.csv', bytes('id,lon,lat\nODP1,105.9,9.6\nODP1,105.91,9.61\nODP2,105.92,9.62\n'), DEFAULT_CONFIG);
    expect(formatWarning('en', fibre.summaries[0].warnings.find((warning) => warning.code === 'repeated-ids')!)).toBe('ids used by more than one item (1): "ODP1"; all are kept');
  });

  it('warns when a table was typed with a legacy TCVN3 font', async () => {
    // TCVN3 bytes: "Tr¨ng" (Trăng), "Ph­êng" (Phường), "C©y" (Cây) read through code page 1258.
    const tcvn3 = new Uint8Array(Buffer.from('id;loai;lon;lat\nODP1;Tr\u00a8ng;105.9;9.6\nODP2;Ph\u00ad\u00eang;105.91;9.61\nODP3;C\u00a9y;105.92;9.62\n', 'latin1'));
    const parsed = await parseInputBytes('fibre', 'odp.csv', tcvn3, DEFAULT_CONFIG);
    expect(parsed.encoding).toBe('windows-1258');
    expect(parsed.summaries[0].warnings.map((warning) => warning.code)).toEqual(expect.arrayContaining(['encoding-guessed', 'legacy-vietnamese-font']));
  });

  it('warns about items far outside Vietnam, and keeps them', async () => {
    const parsed = await parseInputBytes('sites', 'bts.csv', bytes('lon,lat,operator,tech\n105.9,9.6,Viettel,4G\n2.35,48.85,Viettel,4G\n'), DEFAULT_CONFIG);
    expect(parsed.summaries[0].rowsUsed).toBe(2);
    const warning = parsed.summaries[0].warnings.find((item) => item.code === 'outside-vietnam')!;
    expect(warning.where).toBe('bts.csv:2');
    expect(formatWarning('en', warning)).toBe('1 of 2 items lie outside Vietnam (102–110° E, 8–24° N); check the coordinate system and the signs (kept)');
  });

  it('refuses a file over the size limit before reading it', async () => {
    const big = new Uint8Array(11 * 1024 * 1024);
    expect((await asyncRefusal(() => parseInputBytes('indicators', 'chi-tieu.csv', big, DEFAULT_CONFIG), 'vi')).text).toMatch(/^chi-tieu\.csv: tệp nặng 11 MB, vượt giới hạn 10 MB cho loại dữ liệu này; hãy chia nhỏ tệp/);
  });
});
