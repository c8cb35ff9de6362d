// The CLI's groups: keyed by GSO code (three real communes are called "Phường 1"), post-2025 communes
// from a merger table, any hamlet property (even one called __proto__), and the shared-site KPI of one
// operator found on every operator's sites. Expected values are worked out by hand from the fixture:
// 0.01° squares, each fully covered or not at all (see its description).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../helpers/run-cli';

const FIXTURE = join(REPO_ROOT, 'test/fixtures/analyzeCoverage/in/same-named-communes-keyed-by-code.geojson');

interface Row {
  key: string;
  code: string | null;
  label: string;
  parentLabel: string | null;
  hamlets: number;
  coveredMobile: number;
  sites: number;
  sharedSites: number;
}

describe('analyze CLI groups keyed by code, with an operator filter', () => {
  const dir = mkdtempSync(join(tmpdir(), 'analyze-groups-'));
  const out = join(dir, 'out');
  let run: ReturnType<typeof runCli>;
  const report = () => JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));

  beforeAll(() => {
    const collection = JSON.parse(readFileSync(FIXTURE, 'utf8'));
    const byRole = (role: string) => collection.features.filter((feature: { properties: { role: string } }) => feature.properties.role === role);
    // The hamlet layer without its post-2025 columns (the merger table gives them), with a property a
    // plain object would take for its prototype.
    const hamlets = byRole('hamlet').map((feature: { properties: Record<string, unknown> }, i: number) => {
      const { new_code: _code, new_name: _name, ...properties } = feature.properties;
      return { ...feature, properties: JSON.parse(`{"__proto__": "Vùng ${i < 3 ? 'A' : 'B'}", ${JSON.stringify(properties).slice(1)}`) };
    });
    writeFileSync(join(dir, 'hamlets.geojson'), JSON.stringify({ type: 'FeatureCollection', features: hamlets }));
    writeFileSync(join(dir, 'sites.geojson'), JSON.stringify({ type: 'FeatureCollection', features: byRole('bts') }));
    // Rows of the real 1 July 2025 merger table.
    writeFileSync(
      join(dir, 'merger.csv'),
      'old_code,old_name,new_code,new_name\n31522,Phường 1,31510,Phường Phú Lợi\n31510,Phường 2,31510,Phường Phú Lợi\n31732,Phường 1,31732,Phường Ngã Năm\n31735,Phường 2,31732,Phường Ngã Năm\n31783,Phường 1,31783,Phường Vĩnh Châu\n',
    );
    run = runCli('analyze.ts', [
      '--hamlets', join(dir, 'hamlets.geojson'),
      '--sites', join(dir, 'sites.geojson'),
      '--merger', join(dir, 'merger.csv'),
      '--operator', 'viettel',
      '--group-by', '__proto__',
      '--lang', 'en',
      '--out', out,
    ]);
  });

  it('runs', () => {
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.status).toBe(0);
  });

  it('keeps the three communes called Phường 1 apart, keyed by code and named with their district', () => {
    const rows: Row[] = report().groups.commune;
    expect(rows.map((row) => [row.key, row.code, `${row.label} — ${row.parentLabel}`, row.hamlets])).toEqual([
      ['31522', '31522', 'Phường 1 — Thành phố Sóc Trăng', 2],
      ['31732', '31732', 'Phường 1 — Thị xã Ngã Năm', 1],
      ['31783', '31783', 'Phường 1 — Thị xã Vĩnh Châu', 1],
      ['31510', '31510', 'Phường 2 — Thành phố Sóc Trăng', 1],
      ['31735', '31735', 'Phường 2 — Thị xã Ngã Năm', 1],
    ]);
    const csv = readFileSync(join(out, 'groups.csv'), 'utf8');
    expect(csv).toContain('commune,31783,31783,Phường 1,950,Thị xã Vĩnh Châu,1,600,0,');
  });

  it('groups the post-2025 communes by the merger table’s new_code', () => {
    const rows: Row[] = report().groups.new_commune;
    expect(rows.map((row) => [row.key, row.label, row.hamlets])).toEqual([
      ['31732', 'Phường Ngã Năm', 2],
      ['31510', 'Phường Phú Lợi', 3],
      ['31783', 'Phường Vĩnh Châu', 1],
    ]);
  });

  it('groups by a property called __proto__ as by any other', () => {
    const rows: Row[] = report().groups['__proto__'];
    expect(Object.hasOwn(report().groups, '__proto__')).toBe(true);
    expect(rows.map((row) => [row.key, row.hamlets])).toEqual([
      ['Vùng A', 3],
      ['Vùng B', 3],
    ]);
  });

  it('counts Viettel’s coverage alone, and its sites shared when another operator uses them too', () => {
    const { kpis, operatorFilter } = report();
    expect(operatorFilter).toEqual(['Viettel']);
    // Viettel covers A, C and D; F is MobiFone's only.
    expect([kpis.hamlets, kpis.coveredMobile]).toEqual([6, 3]);
    // Viettel's sites S1 (with VNPT's S1b 15 m away), S2, S3: one of three is shared.
    expect([kpis.sites, kpis.sharedSites]).toEqual([3, 1]);
    expect(kpis.sharedSiteShare).toBeCloseTo(1 / 3, 6);
    const sites = JSON.parse(readFileSync(join(out, 'sites.geojson'), 'utf8')).features.map((feature: { properties: { id: string; hamlet_id: string | null } }) => feature.properties);
    expect(sites.map((site: { id: string; hamlet_id: string | null }) => [site.id, site.hamlet_id])).toEqual([
      ['S1', 'A'],
      ['S2', 'D'],
      ['S3', 'C'],
    ]);
    expect(run.stderr).toContain('3 sites of Viettel, 1 of them also used by another operator (33.3%)');
  });
});
