// "Lưu dự án" / "Mở dự án": one JSON file restores layers, settings and entered indicators exactly,
// a broken file is refused with its problems, and nothing leaves the page.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type KpiReading, openAppForSuite } from './driver';
import { computeExpectedReport } from './expected-report';

const SITES_CSV = 'ma_tram;nha_mang;kinh_do;vi_do;cong_nghe\nPRJ-1;VNPT;106,605;9,005;4G\nPRJ-2;Viettel;105,80;9,45;4G;5G\n';

describe('project file', () => {
  const app = openAppForSuite();
  let saved: { path: string; text: string };
  let project: KpiReading;
  let targets: Record<string, { value: number | null; state: string }>;

  it('saves imported sites, a changed setting and a typed indicator into one file', async () => {
    await app.importBinaryFile('sites', 'tram-du-an.csv', Buffer.from(SITES_CSV, 'utf8'), 'add');
    await app.changeSetting('setting-radius-4G', '3500');
    await app.enterIndicator('cloud-use', '81');
    project = await app.readKpis();
    targets = await app.readTargets();
    saved = await app.saveProject();
    const json = JSON.parse(saved.text) as { format: string; settings: { radiiMeters: Record<string, number> }; layers: { btsRecords: { siteId: string }[]; enteredIndicators: unknown[] }; proposals?: unknown };
    expect(json.format).toBe('soctrang-coverage-project');
    expect(json.settings.radiiMeters['4G']).toBe(3500);
    expect(json.layers.btsRecords.some((record) => record.siteId === 'PRJ-1')).toBe(true);
    expect(json.layers.enteredIndicators).toHaveLength(1);
    expect(json.proposals).toBeDefined();
    expect(project.coveredMobileShare).not.toBe(computeExpectedReport().kpis.coveredMobileShare);
  });

  it('after going back to the demo data, opening the project restores the same KPIs and targets', async () => {
    await app.backToDemoData();
    const demo = computeExpectedReport();
    expect((await app.readKpis()).coveredMobileShare).toBe(demo.kpis.coveredMobileShare);
    await app.openProject(saved.path);
    expect(await app.readKpis()).toEqual(project);
    expect(await app.readTargets()).toEqual(targets);
    expect(await app.layerOrigin('btsRecords')).toBe('imported');
  });

  it('keeps the opened project after a reload', async () => {
    await app.reload();
    expect(await app.readKpis()).toEqual(project);
  });

  it('refuses a file that is not a project, or a broken one, and says why', async () => {
    const notProject = await app.openInvalidProject('ap.geojson', '{"type":"FeatureCollection","features":[]}');
    expect(notProject).toEqual(['Tệp không phải tệp dự án của ứng dụng này']);
    const broken = JSON.parse(readFileSync(saved.path, 'utf8')) as { layers: { btsRecords: { lng: unknown }[] } };
    broken.layers.btsRecords[0].lng = 'abc';
    const problems = await app.openInvalidProject('du-an-hong.json', JSON.stringify(broken));
    expect(problems).toEqual(['Giá trị không hợp lệ ở layers.btsRecords[0].lng: phải là số (giá trị trong tệp: "abc")']);
    expect(await app.readKpis()).toEqual(project);
  });

  it('makes no request off the page’s origin', () => {
    expect(app.offOriginRequests()).toEqual([]);
  });
});
