// The annual report on the same inputs as `analyze`, household table and merger table included: a
// plan of the merged city reports by post-2025 commune, which real hamlet layers only have through
// the merger table, and with households from a census table. Six hamlets of three real communes
// called Phường 1 and two called Phường 2, without their post-2025 columns; the report's table of
// post-2025 communes must hold analyze's rows, cell by cell.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseVietnameseNumber, readDocx } from '../helpers/read-docx';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/analyzeCoverage/in/same-named-communes-keyed-by-code.geojson');

interface Row {
  key: string;
  label?: string;
  hamlets: number;
  households: number;
  coveredMobileShare: number;
  coveredMobileHouseholdShare: number | null;
  sites: number;
  sharedSites: number;
}

describe('npm run report with --merger and --join, as analyze takes them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-tables-'));
  const docx = join(dir, 'bao-cao.docx');
  let groups: Row[];
  let total: Row;
  let tables: string[][][];
  let document: ReturnType<typeof readDocx>;

  beforeAll(() => {
    const collection = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const byRole = (role: string) => collection.features.filter((feature: { properties: { role: string } }) => feature.properties.role === role);
    const hamlets = byRole('hamlet').map((feature: { properties: Record<string, unknown> }) => {
      const { new_code: _code, new_name: _name, ...properties } = feature.properties;
      return { ...feature, properties };
    });
    writeFileSync(join(dir, 'hamlets.geojson'), JSON.stringify({ type: 'FeatureCollection', features: hamlets }));
    writeFileSync(join(dir, 'sites.geojson'), JSON.stringify({ type: 'FeatureCollection', features: byRole('bts') }));
    // Rows of the real 1 July 2025 merger table, and households that are not the layer's own.
    writeFileSync(
      join(dir, 'merger.csv'),
      'old_code,old_name,new_code,new_name\n31522,Phường 1,31510,Phường Phú Lợi\n31510,Phường 2,31510,Phường Phú Lợi\n31732,Phường 1,31732,Phường Ngã Năm\n31735,Phường 2,31732,Phường Ngã Năm\n31783,Phường 1,31783,Phường Vĩnh Châu\n',
    );
    writeFileSync(join(dir, 'ho.csv'), 'code,households\nA,1111\nB,2222\nC,3333\nD,4444\nE,5555\nF,6666\n');
    writeFileSync(join(dir, 'cau-hinh.json'), JSON.stringify({ plan: { id: 'can-tho-2030', title: 'Kế hoạch phát triển hạ tầng số thành phố Cần Thơ giai đoạn 2026–2030', startYear: 2026, horizonYear: 2030, grouping: ['new_commune'] } }));
    const inputs = ['--hamlets', join(dir, 'hamlets.geojson'), '--sites', join(dir, 'sites.geojson'), '--merger', join(dir, 'merger.csv'), '--join', join(dir, 'ho.csv'), '--join-key', 'code', '--config', join(dir, 'cau-hinh.json')];
    const analyzed = runCli('analyze.ts', [...inputs, '--out', join(dir, 'analyze')]);
    expect(analyzed.status, analyzed.stderr).toBe(0);
    const reported = runCli('report.ts', [...inputs, '--as-of', '2026-12-31', '--date', '2027-01-05', '--out', docx]);
    expect(reported.status, reported.stderr).toBe(0);
    const engine = JSON.parse(readFileSync(join(dir, 'analyze', 'report.json'), 'utf8'));
    groups = engine.groups.new_commune;
    total = engine.kpis;
    document = readDocx(new Uint8Array(readFileSync(docx)));
    tables = document.tables;
  }, 300_000);

  it('has analyze’s row of every post-2025 commune, with the joined households, and its total', () => {
    expect(groups.map((row) => row.label)).toEqual(['Phường Ngã Năm', 'Phường Phú Lợi', 'Phường Vĩnh Châu']);
    expect(total.households).toBe(1111 + 2222 + 3333 + 4444 + 5555 + 6666);
    const table = tables.find((candidate) => candidate[0]?.[0] === 'STT' && candidate[0]?.[1] === 'Xã, phường') as string[][];
    expect(table).toBeDefined();
    const body = table.slice(1, -1);
    expect(body.map((row) => row[1]).sort()).toEqual(groups.map((row) => row.label).sort());
    for (const row of [...body, table[table.length - 1]]) {
      const unit = row === table[table.length - 1] ? total : (groups.find((candidate) => candidate.label === row[1]) as Row);
      const figures = row.slice(2).map((cell) => parseVietnameseNumber(cell));
      expect(figures[0], `${row[1]} hamlets`).toBe(unit.hamlets);
      expect(Math.abs((figures[1] ?? NaN) - unit.coveredMobileShare * 100), `${row[1]} mobile`).toBeLessThanOrEqual(0.05);
      expect(figures[5], `${row[1]} households`).toBe(unit.households);
      expect(figures[6], `${row[1]} households covered`).toBe(Math.round((unit.coveredMobileHouseholdShare ?? NaN) * unit.households));
      expect([figures[7], figures[8]], `${row[1]} sites`).toEqual([unit.sites, unit.sharedSites]);
    }
  });

  it('carries no demo mark: the data are not the demo’s', () => {
    const parts = document.files.filter((name) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(name));
    expect(parts).toContain('word/document.xml');
    for (const name of parts) expect(document.xml(name), name).not.toMatch(/MINH HỌA/i);
  });
});
