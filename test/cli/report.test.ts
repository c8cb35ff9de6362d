// The annual report CLI on the demo data: the .docx read back (its XML, and python-docx where
// installed) has every table cell equal to the engine's own report.json from `analyze`, follows the
// decree's layout conventions, carries the demo mark, and opens in LibreOffice.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVietnameseNumber, PYTHON_DOCX, readDocx, readDocxPicturesWithPython, readDocxTablesWithPython } from '../helpers/read-docx';
import type { KpiSet } from '../../src/core';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

/** The engine's KPIs as report.json writes them. */
type Kpis = KpiSet;
interface EngineReport {
  demo: boolean;
  kpis: Kpis;
  groups: Record<string, (Kpis & { key: string; label?: string; parentLabel?: string | null })[]>;
  targets: { id: string; label: string; comparator: string; target: number; unit: 'share' | 'per100' | 'mbps'; value: number | null; met: boolean | null; source: string }[];
  hamlets: { id: string; name: string; commune: string; households?: number; covered: Record<string, boolean> }[];
}

const dir = mkdtempSync(join(tmpdir(), 'report-'));
const docxPath = join(dir, 'bao-cao.docx');
let engine: EngineReport;
let tables: string[][][];
let document: ReturnType<typeof readDocx>;

beforeAll(() => {
  const analyzed = runCli('analyze.ts', ['--out', join(dir, 'analyze')]);
  expect(analyzed.status, analyzed.stderr).toBe(0);
  const reported = runCli('report.ts', ['--as-of', '2024-12-31', '--date', '2025-01-05', '--out', docxPath]);
  expect(reported.status, reported.stderr).toBe(0);
  engine = JSON.parse(readFileSync(join(dir, 'analyze', 'report.json'), 'utf8')) as EngineReport;
  document = readDocx(new Uint8Array(readFileSync(docxPath)));
  tables = document.tables;
}, 300_000);

const tableWithHeader = (first: string, second: string) => {
  const found = tables.find((table) => table[0]?.[0] === first && table[0]?.[1] === second);
  expect(found, `a table headed ${first} | ${second}`).toBeDefined();
  return found as string[][];
};

/** A share printed as a percentage with one decimal equals the engine's share. */
function expectShare(cell: string, share: number | null, where: string) {
  if (share === null) return expect(cell, where).toBe('—');
  expect(Math.abs((parseVietnameseNumber(cell) ?? NaN) - share * 100), `${where}: "${cell}" vs ${share}`).toBeLessThanOrEqual(0.05 + 1e-9);
}

function expectCount(cell: string, value: number | null, where: string) {
  expect(parseVietnameseNumber(cell), `${where}: "${cell}"`).toBe(value);
}

function expectUnitCells(cells: string[], kpis: Kpis, where: string) {
  expectCount(cells[0], kpis.hamlets, `${where} hamlets`);
  expectShare(cells[1], kpis.coveredMobileShare, `${where} mobile`);
  expectShare(cells[2], kpis.covered4gShare, `${where} 4G`);
  expectShare(cells[3], kpis.covered5gShare, `${where} 5G`);
  expectShare(cells[4], kpis.coveredFtthShare, `${where} FTTH`);
  expectCount(cells[5], kpis.households, `${where} households`);
  expectCount(cells[6], kpis.coveredMobileHouseholdShare === null ? null : Math.round(kpis.coveredMobileHouseholdShare * kpis.households), `${where} households covered`);
  expectCount(cells[7], kpis.sites, `${where} sites`);
  expectCount(cells[8], kpis.sharedSites, `${where} shared sites`);
  expectShare(cells[9], kpis.sharedSiteShare, `${where} shared share`);
}

describe('npm run report', () => {
  it('summarises every target as the engine evaluated it: value, target, met or not, source and date', () => {
    const rows = tableWithHeader('STT', 'Chỉ tiêu').slice(1);
    expect(rows.map((row) => row[1])).toEqual(engine.targets.map((target) => target.label));
    engine.targets.forEach((target, index) => {
      const [number, , targetCell, valueCell, statusCell, sourceCell] = rows[index];
      expect(number).toBe(String(index + 1));
      expect(targetCell.startsWith(target.comparator === '>' ? '>' : '≥')).toBe(true);
      if (target.unit === 'share') {
        expectShare(targetCell, target.target, `${target.id} target`);
        expectShare(valueCell, target.value, `${target.id} value`);
      } else {
        expect(parseVietnameseNumber(targetCell)).toBeCloseTo(target.target, 6);
        if (target.value === null) expect(valueCell).toBe('—');
        else expect(Math.abs((parseVietnameseNumber(valueCell) ?? NaN) - target.value)).toBeLessThanOrEqual(0.05 + 1e-9);
      }
      expect(statusCell).toBe(target.met === null ? 'Chưa có số liệu' : target.met ? 'Đạt' : 'Chưa đạt');
      if (target.source === 'engine') expect(sourceCell).toBe('Tính từ dữ liệu bản đồ, đến ngày 31/12/2024');
      else expect(sourceCell).toContain('(31/12/2024)');
    });
  });

  it.each([
    ['district', 'Huyện, thị xã, thành phố'],
    ['commune', 'Xã, phường, thị trấn'],
  ])('has the engine’s row of every %s, in code order, and the overall total', (grouping, heading) => {
    const table = tableWithHeader('STT', heading);
    const hasParent = table[0][2] === 'Thuộc';
    const offset = hasParent ? 3 : 2;
    const body = table.slice(1, -1);
    const units = engine.groups[grouping];
    expect(body).toHaveLength(units.length);
    for (const [index, row] of body.entries()) {
      expect(row[0]).toBe(String(index + 1));
      const matches = units.filter((unit) => (unit.label ?? unit.key) === row[1] && (!hasParent || (unit.parentLabel ?? '') === row[2]));
      expect(matches, `${grouping} row "${row[1]}"`).toHaveLength(1);
      expectUnitCells(row.slice(offset), matches[0], `${grouping} ${row[1]}`);
    }
    const total = table[table.length - 1];
    expect(total[1]).toBe('Tổng cộng');
    expectUnitCells(total.slice(offset), engine.kpis, `${grouping} total`);
  });

  it('lists in an annex exactly the hamlets without mobile broadband, with their households', () => {
    const annex = tables.find((table) => table[0]?.[1] === 'Ấp, khóm' && table.some((row) => row[1]?.startsWith('Cộng:')));
    expect(annex).toBeDefined();
    const listed = (annex as string[][]).filter((row) => /^\d+$/.test(row[0])).map((row) => `${row[1]}|${row[2]}|${parseVietnameseNumber(row[3])}`);
    const expected = engine.hamlets.filter((hamlet) => !hamlet.covered.mobile).map((hamlet) => `${hamlet.name}|${hamlet.commune}|${hamlet.households ?? null}`);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it('is laid out as an administrative report: motto, bodies, number and date, Times New Roman 13–14 pt, page numbers, the demo mark', () => {
    const lines = (cell: string) => cell.split('\n').filter((line) => line !== '');
    const header = tables[0];
    expect(lines(header[0][0])).toEqual(['UBND TỈNH SÓC TRĂNG', 'SỞ THÔNG TIN VÀ TRUYỀN THÔNG', 'Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-STTTT']);
    expect(lines(header[0][1])).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Sóc Trăng, ngày 05 tháng 01 năm 2025']);
    expect(document.paragraphs).toContain('BÁO CÁO');
    expect(document.paragraphs).toContain('I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU');
    expect(document.paragraphs).toContain('II. KẾT QUẢ PHỦ SÓNG, CÁP QUANG THEO ĐƠN VỊ HÀNH CHÍNH');
    expect(document.documentXml).toContain('w:ascii="Times New Roman"');
    const sizes = new Set([...document.documentXml.matchAll(/<w:sz w:val="(\d+)"/g)].map((match) => Number(match[1]) / 2));
    expect([...sizes].every((size) => size >= 11 && size <= 14), [...sizes].join(',')).toBe(true);
    expect(document.documentXml).toContain('w:orient="landscape"');
    expect(document.documentXml).toContain('<w:titlePg');
    const headers = document.files.filter((name) => /^word\/header\d+\.xml$/.test(name)).map((name) => document.xml(name));
    expect(headers.some((xml) => xml.includes('PAGE'))).toBe(true);
    expect(engine.demo).toBe(true);
    expect(headers.length > 0 && headers.every((xml) => xml.includes('DỮ LIỆU MINH HỌA'))).toBe(true);
  });

  it.skipIf(!PYTHON_DOCX)('reads the same in python-docx', () => {
    expect(readDocxTablesWithPython(docxPath)).toEqual(tables);
  });

  it.skipIf(!PYTHON_DOCX)('embeds the maps given with --map: the whole area in section II, a unit after its table, an unknown key warned and left out', () => {
    // Pictures of their own size and colour, so each one is told apart in the document.
    const picture = (name: string, width: number, height: number, red: number) => {
      const png = new PNG({ width, height });
      for (let i = 0; i < width * height; i++) png.data.set([red, 90, 160, 255], i * 4);
      const bytes = PNG.sync.write(png);
      writeFileSync(join(dir, name), bytes);
      return { path: join(dir, name), sha1: createHash('sha1').update(bytes).digest('hex') };
    };
    const area = picture('toan-tinh.png', 400, 283, 10);
    const unitKey = engine.groups.district[3].key;
    const unit = picture('huyen.png', 300, 212, 200);
    const stray = picture('khac.png', 200, 141, 120);
    const out = join(dir, 'bao-cao-ban-do.docx');
    const run = runCli('report.ts', ['--as-of', '2024-12-31', '--date', '2025-01-05', '--map', `province=${area.path}`, '--map', `${unitKey}=${unit.path}`, '--map', `khong-co=${stray.path}`, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('cảnh báo: --map khong-co: không có đơn vị này trong các cách nhóm của quy hoạch (district, commune); ảnh không được dùng');
    const pictures = readDocxPicturesWithPython(out);
    expect(pictures.map((item) => [item.name, item.contentType, item.widthPx, item.heightPx, item.sha1])).toEqual([
      ['province', 'image/png', 400, 283, area.sha1],
      [unitKey, 'image/png', 300, 212, unit.sha1],
    ]);
    // The unit's map follows the district table, with its caption; the tables are the same as without maps.
    const { paragraphs, tables: withMaps } = readDocx(new Uint8Array(readFileSync(out)));
    const label = engine.groups.district[3].label as string;
    expect(paragraphs.indexOf(`Bản đồ phủ sóng ${label}`)).toBeGreaterThan(paragraphs.indexOf('1. Theo huyện, thị xã, thành phố'));
    expect(paragraphs.indexOf(`Bản đồ phủ sóng ${label}`)).toBeLessThan(paragraphs.indexOf('2. Theo xã, phường, thị trấn (trước ngày 01/7/2025)'));
    expect(withMaps).toEqual(tables);
    const refused = runCli('report.ts', ['--map', `province=${join(dir, 'analyze', 'report.json')}`, '--out', join(dir, 'x.docx')]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('không phải ảnh PNG');
  }, 120_000);

  it('takes the speed targets from field tests given with --measurements, as analyze does, with their source in Vietnamese', () => {
    const tests = join(REPO_ROOT, 'test', 'fixtures', 'measurements', 'speedtests-demo.csv');
    const analyzed = runCli('analyze.ts', ['--measurements', tests, '--out', join(dir, 'do-kiem')]);
    expect(analyzed.status, analyzed.stderr).toBe(0);
    const measured = (JSON.parse(readFileSync(join(dir, 'do-kiem', 'report.json'), 'utf8')) as EngineReport).targets;
    const mobile = measured.find((target) => target.id === 'mobile-speed-mbps') as EngineReport['targets'][number];
    const [, count, period] = /^measured: (\d+) tests, (.+)$/.exec(mobile.source) ?? [];
    expect(Number(count)).toBeGreaterThan(100);
    expect(mobile.value).not.toBe(engine.targets.find((target) => target.id === 'mobile-speed-mbps')?.value);
    const out = join(dir, 'bao-cao-do-kiem.docx');
    const run = runCli('report.ts', ['--measurements', tests, '--as-of', '2024-12-31', '--date', '2025-01-05', '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const document = readDocx(new Uint8Array(readFileSync(out)));
    const rows = (document.tables.find((table) => table[0][0] === 'STT' && table[0][1] === 'Chỉ tiêu' && table[0][3] === 'Kết quả') as string[][]).slice(1);
    expect(rows.map((row) => row[1])).toEqual(measured.map((target) => target.label));
    measured.forEach((target, index) => {
      const [, , , value, state] = rows[index];
      if (target.unit === 'share') expectShare(value, target.value, target.id);
      else expect(Math.abs((parseVietnameseNumber(value) ?? NaN) - (target.value ?? NaN)), `${target.id}: ${value}`).toBeLessThanOrEqual(0.05 + 1e-9);
      expect(state, target.id).toBe(target.met === null ? 'Chưa có số liệu' : target.met ? 'Đạt' : 'Chưa đạt');
    });
    expect(rows[measured.indexOf(mobile)][5]).toBe(`Đo kiểm: ${count} lượt, ${period}`);
    expect(document.documentXml).not.toMatch(/measured|tests,/);
  }, 120_000);

  it.skipIf(!existsSync('/usr/bin/libreoffice'))('opens in LibreOffice, with the demo mark on every page', () => {
    const converted = spawnSync('/usr/bin/libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', dir, docxPath], { encoding: 'utf8', timeout: 150_000, env: { ...process.env, HOME: dir } });
    expect(converted.status, converted.stderr).toBe(0);
    const text = spawnSync('pdftotext', ['-layout', join(dir, 'bao-cao.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const pages = text.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(3);
    for (const page of pages) expect(page).toContain('DỮ LIỆU MINH HỌA');
    expect(pages[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(pages[0]).toContain('Độc lập - Tự do - Hạnh phúc');
  }, 180_000);
});
