// The CLI on hamlets without polygons: the demo's hamlets of Thành phố Sóc Trăng reduced to one point
// each (ST_PointOnSurface) and its wards dissolved from them (ogr2ogr, SQLite ST_Union), with three
// omnidirectional sites; and a hamlet list with commune codes only.
import * as turf from '@turf/turf';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Feature, Point, Polygon } from 'geojson';
import { parseCsvTable } from '../../src/core/index';
import { runCli } from '../helpers/run-cli';

const FIXTURES = 'test/fixtures/cli-approximate';
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8'));

interface ReportHamlet { id: string; approximate?: boolean; pointCovered?: Record<string, boolean>; groupKeys: Record<string, string>; areaKm2: number }

describe('analyze CLI with hamlet points and commune polygons', () => {
  const out = mkdtempSync(join(tmpdir(), 'analyze-approx-'));
  let run: ReturnType<typeof runCli>;
  beforeAll(() => {
    run = runCli('analyze.ts', ['--hamlets', `${FIXTURES}/hamlet-points.geojson`, '--communes', `${FIXTURES}/communes.geojson`, '--sites', `${FIXTURES}/sites.csv`, '--lang', 'en', '--out', out]);
  }, 120_000);

  it('builds one approximate hamlet per point, each with the point rule per layer', () => {
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('Built 88 approximate hamlets in 9 communes (88 from points, 0 as the whole commune)');
    const report = readJson(join(out, 'report.json'));
    const hamlets = report.hamlets as ReportHamlet[];
    expect(hamlets).toHaveLength(88);
    for (const hamlet of hamlets) {
      expect(hamlet.approximate).toBe(true);
      expect(Object.keys(hamlet.pointCovered ?? {}).sort()).toEqual(['4g', '5g', 'ftth', 'mobile']);
    }
  });

  it('covers a point as an independent distance check says, and counts it in pointRule', () => {
    const points = readJson(`${FIXTURES}/hamlet-points.geojson`).features as Feature<Point, { id: string }>[];
    const sites = parseCsvTable(readFileSync(`${FIXTURES}/sites.csv`, 'utf8'), 'sites.csv').rows;
    const report = readJson(join(out, 'report.json'));
    const byId = new Map((report.hamlets as ReportHamlet[]).map((hamlet) => [hamlet.id, hamlet]));
    let surelyCovered = 0;
    let maybeCovered = 0;
    let checked = 0;
    for (const point of points) {
      // Great-circle distance to each site; points within 1 % of a radius are left out (sphere vs ellipsoid).
      const reach = sites.map((site) => turf.distance(point, [Number(site.lon), Number(site.lat)], { units: 'meters' }) / Number(site.radius_m));
      const isCovered = reach.some((ratio) => ratio < 1);
      if (reach.some((ratio) => ratio < 0.99)) surelyCovered++;
      if (reach.some((ratio) => ratio < 1.01)) maybeCovered++;
      if (reach.some((ratio) => Math.abs(ratio - 1) < 0.01)) continue;
      checked++;
      expect(byId.get(point.properties.id)?.pointCovered?.mobile, point.properties.id).toBe(isCovered);
      const reach5g = sites.flatMap((site, i) => (site.technologies.includes('5G') ? [reach[i]] : []));
      expect(byId.get(point.properties.id)?.pointCovered?.['5g'], point.properties.id).toBe(reach5g.some((ratio) => ratio < 1));
    }
    expect(checked).toBeGreaterThan(80);
    expect(surelyCovered).toBeGreaterThan(5);
    const { pointRule } = report.kpis;
    expect(pointRule.hamlets).toBe(88);
    expect(pointRule.coveredMobile).toBeGreaterThanOrEqual(surelyCovered);
    expect(pointRule.coveredMobile).toBeLessThanOrEqual(maybeCovered);
    expect(pointRule.coveredMobileShare).toBeCloseTo(pointRule.coveredMobile / 88, 6);
    expect(pointRule.coveredMobile).toBe((report.hamlets as ReportHamlet[]).filter((hamlet) => hamlet.pointCovered?.mobile).length);
  });

  it('splits every commune into hamlet areas that add up to it and hold their points', () => {
    const communes = readJson(`${FIXTURES}/communes.geojson`).features as Feature<Polygon, { commune_code: string }>[];
    const areas = readJson(join(out, 'hamlets.geojson')).features as Feature<Polygon, { id: string; commune_code: string; approximate: boolean }>[];
    const points = new Map((readJson(`${FIXTURES}/hamlet-points.geojson`).features as Feature<Point, { id: string }>[]).map((point) => [point.properties.id, point]));
    for (const commune of communes) {
      const inside = areas.filter((area) => area.properties.commune_code === commune.properties.commune_code);
      const total = inside.reduce((sum, area) => sum + turf.area(area), 0);
      expect(Math.abs(total - turf.area(commune)) / turf.area(commune), commune.properties.commune_code).toBeLessThan(1e-6);
    }
    for (const area of areas) expect(turf.booleanPointInPolygon(points.get(area.properties.id)!, area), area.properties.id).toBe(true);
  });

  it('adds the approximate flag and the point rule to hamlets.csv', () => {
    const table = parseCsvTable(readFileSync(join(out, 'hamlets.csv'), 'utf8'), 'hamlets.csv');
    expect(table.headers.slice(-5)).toEqual(['approximate', 'point_covered_mobile', 'point_covered_4g', 'point_covered_5g', 'point_covered_ftth']);
    const report = readJson(join(out, 'report.json'));
    table.rows.forEach((row, i) => {
      expect(row.approximate).toBe('true');
      expect(row.point_covered_mobile).toBe(String(report.hamlets[i].pointCovered.mobile));
    });
  });
});

describe('analyze CLI with a hamlet list and commune polygons', () => {
  it('makes each listed commune the unit of its hamlets, which share its result', () => {
    const out = mkdtempSync(join(tmpdir(), 'analyze-approx-list-'));
    const run = runCli('analyze.ts', ['--hamlets', `${FIXTURES}/hamlet-list.csv`, '--communes', `${FIXTURES}/communes.geojson`, '--sites', `${FIXTURES}/sites.csv`, '--out', out]);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.status).toBe(0);
    const hamlets = readJson(join(out, 'report.json')).hamlets as (ReportHamlet & { fraction: Record<string, number> })[];
    expect(hamlets).toHaveLength(20);
    const byCommune = new Map<string, typeof hamlets>();
    for (const hamlet of hamlets) byCommune.set(hamlet.groupKeys.commune, [...(byCommune.get(hamlet.groupKeys.commune) ?? []), hamlet]);
    expect([...byCommune.keys()].sort()).toEqual(['31498', '31501', '31504']);
    const communes = readJson(`${FIXTURES}/communes.geojson`).features as Feature<Polygon, { commune_code: string }>[];
    for (const [code, members] of byCommune) {
      const commune = communes.find((feature) => feature.properties.commune_code === code)!;
      for (const hamlet of members) {
        expect(hamlet.approximate).toBe(true);
        expect(hamlet.pointCovered).toBeUndefined();
        expect(hamlet.fraction.mobile).toBe(members[0].fraction.mobile);
        // The engine's ellipsoid area and turf's sphere differ by about 0.4 % here.
        expect(Math.abs(hamlet.areaKm2 - turf.area(commune) / 1e6) / hamlet.areaKm2).toBeLessThan(0.01);
      }
    }
    expect(run.stderr).toContain('3 xã không có điểm ấp, khóm nên lấy cả xã làm đơn vị');
  }, 120_000);

  it('refuses a commune layer given as hamlets, unless told to go on', () => {
    const out = mkdtempSync(join(tmpdir(), 'analyze-approx-refuse-'));
    // The wards with their names as the hamlet name, as a ward layer usually comes.
    const wards = readJson(`${FIXTURES}/communes.geojson`);
    for (const feature of wards.features) feature.properties.name = feature.properties.ten_xa;
    const wardsPath = join(out, 'phuong.geojson');
    writeFileSync(wardsPath, JSON.stringify(wards));
    const refused = runCli('analyze.ts', ['--hamlets', wardsPath, '--sites', `${FIXTURES}/sites.csv`, '--lang', 'en', '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('look like communes, wards or districts');
    expect(refused.stderr).toContain('--accept-hamlet-layer');
    const accepted = runCli('analyze.ts', ['--hamlets', wardsPath, '--sites', `${FIXTURES}/sites.csv`, '--accept-hamlet-layer', '--out', out]);
    expect(accepted.status).toBe(0);
    expect(readJson(join(out, 'report.json')).warnings.map((warning: { code: string }) => warning.code)).toContain('hamlet-layer-names-like-communes');
  }, 120_000);
});
