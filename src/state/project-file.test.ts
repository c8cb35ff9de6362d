import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings-store';
import { buildProjectFile, parseProjectFile, PROJECT_FORMAT, type ProjectFile } from './project-file';
import type { DatasetLayers } from './dataset-store';

const LAYERS: DatasetLayers = {
  hamlets: [{ id: 'A01', name: 'Ấp Hòa Đông', commune: 'Xã Đại Tâm', district: 'Huyện Mỹ Xuyên', households: 412, properties: { ma_ap: 'A01' }, geometry: { type: 'Polygon', coordinates: [[[105.95, 9.59], [105.97, 9.59], [105.97, 9.61], [105.95, 9.59]]] } }],
  btsRecords: [{ siteId: 'ST001', operator: 'Viettel', lng: 105.965, lat: 9.605, technologies: ['4G'], source: 'tram.xlsx[Trạm BTS]:2' }],
  fibrePoints: [{ id: 'ODP-01', lng: 105.97, lat: 9.6 }],
  fibreRoutes: [{ id: 'R1', coordinates: [[105.9, 9.6], [105.91, 9.61]] }],
  indicators: [{ indicator: 'cloud-use', value: 0.5, source: 'file' }],
  enteredIndicators: [{ indicator: 'anti-malware', value: 0.93, source: 'entered', date: '2026-11-01' }],
  merger: [{ oldCode: '1', oldName: 'Xã A', newCode: '9', newName: 'Xã Mới' }],
};
const ORIGIN = { hamlets: 'imported', btsRecords: 'imported', fibrePoints: 'demo', fibreRoutes: 'demo', indicators: 'demo', enteredIndicators: 'imported', merger: 'demo' } as const;
const SETTINGS = { ...DEFAULT_SETTINGS, colocationMeters: 45, radiiMeters: { ...DEFAULT_SETTINGS.radiiMeters, '4G': 2500 } };

function project(extra: Partial<Parameters<typeof buildProjectFile>[0]> = {}): ProjectFile {
  return buildProjectFile({ layers: LAYERS, origin: ORIGIN, settings: SETTINGS, ...extra }, '2026-11-30T08:00:00.000Z');
}

describe('project file', () => {
  it('round-trips layers, origins, settings and proposals exactly', () => {
    const proposals = { options: { operators: ['VNPT'] }, summary: null, proposals: [{ id: 'p1', lng: 105.9, lat: 9.6 }], nextUserNumber: 3 };
    const written = project({ proposals });
    const read = parseProjectFile(JSON.stringify(written));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.project).toEqual(written);
    expect(read.project.layers).toEqual(LAYERS);
    expect(read.project.settings.colocationMeters).toBe(45);
    expect(read.project.proposals).toEqual(proposals);
    expect(read.project.format).toBe(PROJECT_FORMAT);
  });

  it('reads a file with a BOM and without proposals', () => {
    const read = parseProjectFile(`\uFEFF${JSON.stringify(project())}`);
    expect(read.ok && read.project.proposals).toBe(undefined);
  });

  it('refuses what is not a project, with the reason', () => {
    expect(parseProjectFile('{not json')).toMatchObject({ ok: false, problems: [{ code: 'invalid-json' }] });
    expect(parseProjectFile(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toEqual({ ok: false, problems: [{ code: 'not-a-project', path: 'format' }] });
    expect(parseProjectFile(JSON.stringify({ ...project(), version: 99 }))).toMatchObject({ ok: false, problems: [{ code: 'newer-version', detail: '99' }] });
  });

  it('names every broken item by its path', () => {
    const broken = JSON.parse(JSON.stringify(project())) as Record<string, any>;
    broken.layers.btsRecords[0].lng = 'x';
    broken.layers.hamlets[0].geometry = { type: 'Point', coordinates: [1, 2] };
    delete broken.layers.merger;
    broken.origin.fibrePoints = 'somewhere';
    broken.settings.coveredThreshold.mobile = 1.5;
    broken.proposals = { proposals: 'none' };
    const read = parseProjectFile(JSON.stringify(broken));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems.map((problem) => `${problem.code} ${problem.path}`)).toEqual([
      'invalid layers.hamlets[0].geometry.type',
      'invalid layers.btsRecords[0].lng',
      'missing layers.merger',
      'invalid origin.fibrePoints',
      'invalid settings.coveredThreshold',
      'invalid proposals',
    ]);
  });

  it('lists at most 20 problems', () => {
    const many = JSON.parse(JSON.stringify(project())) as Record<string, any>;
    many.layers.fibrePoints = Array.from({ length: 50 }, (_, index) => ({ id: `F${index}` }));
    const read = parseProjectFile(JSON.stringify(many));
    expect(!read.ok && read.problems.length).toBe(20);
  });
});
