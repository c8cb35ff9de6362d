import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredProposals } from './proposals-store';
import { DEFAULT_SETTINGS } from './settings-store';
import { buildProjectFile, MAX_PROJECT_BYTES, parseProjectFile, PROJECT_FORMAT, type ProjectFile } from './project-file';
import type { DatasetLayers } from './dataset-store';
import type { ReferenceLayer } from '../core';

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
const PROPOSALS: StoredProposals = {
  options: { operators: ['VNPT'], aim: 'coverage', targetShare: 1, sharedTarget: 0.3, measure: 'hamlets', problem: 'min-set', budget: 5, method: 'exact', gridSpacingMeters: 500, technology: '4G', radiusMeters: null, timeLimitSeconds: 10 },
  summary: null,
  proposals: [{ id: 'user:1:VNPT', kind: 'new', lng: 105.9, lat: 9.6, operator: 'VNPT', technology: '4G', radiusMeters: 3000, isEdited: true }],
  nextUserNumber: 2,
};

function project(extra: Partial<Parameters<typeof buildProjectFile>[0]> = {}): ProjectFile {
  return buildProjectFile({ layers: LAYERS, origin: ORIGIN, settings: SETTINGS, ...extra }, '2026-11-30T08:00:00.000Z');
}

/** The project as plain JSON, for editing into a broken one. */
const editable = (): Record<string, any> => JSON.parse(JSON.stringify(project({ proposals: PROPOSALS })));
const problemsOf = (file: unknown) => {
  const read = parseProjectFile(typeof file === 'string' ? file : JSON.stringify(file));
  return read.ok ? [] : read.problems.map((problem) => `${problem.code} ${problem.path}${problem.rule ? ` ${problem.rule}` : ''}`);
};

describe('project file', () => {
  it('round-trips layers, origins, settings and proposals exactly', () => {
    const written = project({ proposals: PROPOSALS });
    const read = parseProjectFile(JSON.stringify(written));
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(JSON.parse(JSON.stringify(read.project))).toEqual(JSON.parse(JSON.stringify(written)));
    expect(read.project.settings.colocationMeters).toBe(45);
    expect(read.project.proposals).toEqual(PROPOSALS);
    expect(read.project.format).toBe(PROJECT_FORMAT);
  });

  it('keeps the reference layers, and refuses a broken one by its path', () => {
    const referenceLayers: ReferenceLayer[] = [
      { id: 'reference-1', fileName: 'song.zip', attributes: ['TEN', '__proto__'], labelAttribute: 'TEN', features: [{ geometry: { type: 'LineString', coordinates: [[105.9, 9.6], [106, 9.7]] }, values: ['Sông Hậu', null] }] },
      { id: 'reference-2', fileName: 'tinh.geojson', attributes: ['ten_tinh'], labelAttribute: null, features: [{ geometry: { type: 'Polygon', coordinates: [[[105.3, 9.1], [105.7, 9.1], [105.7, 9.4], [105.3, 9.1]]] }, values: ['Tỉnh Bạc Liêu'] }] },
    ];
    const read = parseProjectFile(JSON.stringify(project({ referenceLayers })));
    expect(read.ok && read.project.referenceLayers).toEqual(referenceLayers);
    expect(project({ referenceLayers: [] })).not.toHaveProperty('referenceLayers');
    const broken = JSON.parse(JSON.stringify(project({ referenceLayers })));
    broken.referenceLayers[0].features[0].geometry.coordinates = [[585000, 1060000], [586000, 1061000]];
    broken.referenceLayers[1].labelAttribute = 'ten';
    expect(problemsOf(broken)).toEqual(['invalid referenceLayers[0].features[0].geometry', 'invalid referenceLayers[1].labelAttribute']);
    const twice = JSON.parse(JSON.stringify(project({ referenceLayers })));
    twice.referenceLayers[1].id = 'reference-1';
    twice.referenceLayers[0].style = 'water';
    expect(problemsOf(twice)).toEqual(['unknown-key referenceLayers[0].style', 'invalid referenceLayers[1].id']);
  });

  it('reads a file with a BOM and without proposals', () => {
    const read = parseProjectFile(`\uFEFF${JSON.stringify(project())}`);
    expect(read.ok && read.project.proposals).toBe(undefined);
  });

  it('refuses what is not a project, with the reason', () => {
    expect(parseProjectFile('{not json')).toEqual({ ok: false, problems: [{ code: 'invalid-json', path: '' }] });
    expect(parseProjectFile(JSON.stringify({ type: 'FeatureCollection', features: [] }))).toEqual({ ok: false, problems: [{ code: 'not-a-project', path: 'format' }] });
    expect(parseProjectFile(JSON.stringify({ ...project(), version: 99 }))).toMatchObject({ ok: false, problems: [{ code: 'newer-version', detail: '99' }] });
  });

  it('refuses a file over the size limit before parsing it', () => {
    expect(parseProjectFile(' '.repeat(MAX_PROJECT_BYTES + 1))).toMatchObject({ ok: false, problems: [{ code: 'too-large' }] });
  });

  it('names every broken item by its path', () => {
    const broken = editable();
    broken.layers.btsRecords[0].lng = 'x';
    broken.layers.hamlets[0].geometry = { type: 'Point', coordinates: [1, 2] };
    delete broken.layers.merger;
    broken.origin.fibrePoints = 'somewhere';
    broken.settings.coveredThreshold.mobile = 1.5;
    broken.proposals = { proposals: 'none' };
    expect(problemsOf(broken)).toEqual([
      'invalid layers.hamlets[0].geometry geometry',
      'invalid layers.btsRecords[0].lng number',
      'missing layers.merger',
      'invalid origin.fibrePoints',
      'invalid settings.coveredThreshold.mobile setting',
      'missing proposals.options',
      'missing proposals.summary',
      'missing proposals.nextUserNumber',
      'invalid proposals.proposals',
    ]);
  });

  it('refuses what the review found getting through: store actions, empty radii, empty proposals, bad record values', () => {
    const withActions = editable();
    withActions.settings.actions = {};
    expect(problemsOf(withActions)).toEqual(['unknown-key settings.actions']);
    const emptyRadii = editable();
    emptyRadii.settings.radiiMeters = {};
    expect(problemsOf(emptyRadii)).toEqual(['missing settings.radiiMeters.2G', 'missing settings.radiiMeters.3G', 'missing settings.radiiMeters.4G', 'missing settings.radiiMeters.5G', 'missing settings.radiiMeters.ftth']);
    const emptyProposal = editable();
    emptyProposal.proposals.proposals = [{}];
    expect(problemsOf(emptyProposal)).toContain('missing proposals.proposals[0].id');
    for (const radius of ['abc', -5, 1e308]) {
      const file = editable();
      file.layers.btsRecords[0].radiusMeters = radius;
      expect(problemsOf(file)).toEqual(['invalid layers.btsRecords[0].radiusMeters radius']);
    }
    const foreignBasemap = editable();
    foreignBasemap.settings.basemap.url = 'javascript:alert(1)';
    expect(problemsOf(foreignBasemap)).toEqual(['invalid settings.basemap.url']);
  });

  it('reads proposal sets saved before the shared-site aim, with the default aim', () => {
    const file = editable();
    delete file.proposals.options.aim;
    delete file.proposals.options.sharedTarget;
    file.proposals.proposals[0].solverNewlyCovered = ['A01'];
    const read = parseProjectFile(JSON.stringify(file));
    expect(read.ok && read.project.proposals?.options).toEqual({ ...PROPOSALS.options, aim: 'coverage', sharedTarget: 0.3 });
    expect(read.ok && read.project.proposals?.proposals).toEqual(PROPOSALS.proposals);
  });

  it('refuses two hamlets with one id', () => {
    const file = editable();
    file.layers.hamlets.push({ ...file.layers.hamlets[0] });
    expect(problemsOf(file)).toEqual(['duplicate-id layers.hamlets[1].id']);
  });

  it('lists at most 20 problems', () => {
    const many = editable();
    many.layers.fibrePoints = Array.from({ length: 50 }, (_, index) => ({ id: `F${index}` }));
    expect(problemsOf(many)).toHaveLength(20);
  });
});

/** JSON values with the keys an attacker would try, nested a few levels. */
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'actions', 'isEnabled', 'proposals', 'lng', 'radiusMeters', 'x');
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(null, true, 0, -5, 1e308, Number.MAX_VALUE, 'abc', '', '{z}/{x}/{y}'),
    fc.double(),
    fc.string({ maxLength: 8 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 4 }),
  ),
})).value;
const FIELDS = ['layers', 'layers.hamlets', 'layers.btsRecords', 'layers.btsRecords.0', 'layers.btsRecords.0.lng', 'layers.hamlets.0.properties', 'origin', 'settings', 'settings.radiiMeters', 'settings.basemap', 'proposals', 'proposals.proposals', 'proposals.proposals.0', 'proposals.options'];

/** The valid project with one member replaced by a hostile value. */
const hostileProject = fc.tuple(fc.constantFrom(...FIELDS), hostileJson, fc.constantFrom(...FIELDS), hostileKey).map(([path, value, keyPath, key]) => {
  const file = editable();
  const keys = path.split('.');
  let target = file;
  for (const part of keys.slice(0, -1)) target = target[part] ?? {};
  target[keys.at(-1)!] = value;
  // And one extra key named like a prototype member somewhere else.
  let extra = file;
  for (const part of keyPath.split('.')) extra = typeof extra[part] === 'object' && extra[part] !== null ? extra[part] : extra;
  Object.defineProperty(extra, key, { value: 1, enumerable: true, configurable: true, writable: true });
  return JSON.stringify(file);
});

/** The valid project whose first hamlet's properties are hostile: any JSON is accepted there, as plain data. */
const hostileProperties = fc.dictionary(hostileKey, hostileJson, { maxKeys: 5 }).map((properties) => {
  const file = editable();
  file.layers.hamlets[0].properties = properties;
  return JSON.stringify(file);
});

describe('project file decoder under hostile input', () => {
  it('never changes Object.prototype, never throws, and names the place of every refusal', () => {
    fc.assert(
      fc.property(fc.oneof(hostileProject, hostileProperties, hostileJson.map((value) => JSON.stringify(value)), fc.string({ maxLength: 40 })), (text) => {
        const read = parseProjectFile(text);
        expect(Object.keys(Object.prototype)).toEqual([]);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        if (read.ok) return;
        expect(read.problems.length).toBeGreaterThan(0);
        expect(read.problems.length).toBeLessThanOrEqual(20);
        for (const problem of read.problems) {
          // A path names the place; only a whole-file refusal (not JSON, not a project) has none.
          if (!['invalid-json', 'not-a-project', 'too-large'].includes(problem.code)) expect(problem.path, JSON.stringify(problem)).not.toBe('');
        }
      }),
      { seed: 12_001, numRuns: 400 },
    );
  });

  it('gives back only what it checked: a decoded project re-reads to itself', () => {
    fc.assert(
      fc.property(hostileProperties, (text) => {
        const read = parseProjectFile(text);
        expect(Object.keys(Object.prototype)).toEqual([]);
        if (!read.ok) {
          // Only a non-finite number can make them unusable, and JSON has none.
          expect(read.problems.every((problem) => problem.path.startsWith('layers.hamlets[0].properties'))).toBe(true);
          return;
        }
        expect(JSON.stringify(read.project.layers.hamlets[0].properties)).toBe(JSON.stringify(JSON.parse(text).layers.hamlets[0].properties));
        const again = parseProjectFile(JSON.stringify(read.project));
        expect(again).toEqual(read);
      }),
      { seed: 12_002, numRuns: 200 },
    );
  });
});
