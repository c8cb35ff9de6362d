import { describe, expect, it } from 'vitest';
import { describeGolden } from '../../../test/helpers/golden';
import { createCoverageAnalysis } from '../analyze-coverage';
import { resolveConfig } from '../io/resolve-config';
import { parseHamletsGeoJson } from '../io/parse-hamlets';
import { parseBtsGeoJson } from '../io/parse-bts-records';
import { buildCandidates } from './build-candidates';
import { isPointInHamlet } from '../coverage/hamlet-geometry';
import type { CandidateOptions } from './siting-types';

interface CaseCollection {
  type: 'FeatureCollection';
  properties?: { options?: CandidateOptions };
  features: { properties: { role: string } }[];
}

/** A case is one FeatureCollection: hamlet and bts features by `role`; candidate options in `properties.options`. */
function analyzeCase(collection: CaseCollection, file: string) {
  const byRole = (role: string) => ({ type: 'FeatureCollection', features: collection.features.filter((f) => f.properties.role === role) });
  const config = resolveConfig({}, file);
  const input = {
    hamlets: parseHamletsGeoJson(byRole('hamlet'), file, config.fields).items,
    btsRecords: parseBtsGeoJson(byRole('bts'), file).items,
    fibrePoints: [],
    fibreRoutes: [],
    indicators: [],
  };
  return createCoverageAnalysis(input, config);
}

const COLOURS = { colocation: '#7b3294', grid: '#fdb863', hamlet: '#e66101', user: '#0571b0' };

describeGolden('buildCandidates', (goldenCase) => {
  const collection = goldenCase.json() as CaseCollection;
  const candidates = buildCandidates(analyzeCase(collection, goldenCase.fileName), collection.properties?.options ?? {});
  return {
    type: 'FeatureCollection',
    features: candidates.map(({ record, ...candidate }) => ({
      type: 'Feature',
      properties: { ...candidate, operator: record.operator, technologies: record.technologies, radiusMeters: record.radiusMeters, 'marker-color': COLOURS[candidate.source] },
      geometry: { type: 'Point', coordinates: [record.lng, record.lat] },
    })),
  };
});

describe('buildCandidates', () => {
  it('puts every hamlet point inside its hamlet, even for a U-shaped one', async () => {
    const { readFileSync } = await import('node:fs');
    const collection = JSON.parse(readFileSync(new URL('../../../test/fixtures/buildCandidates/in/u-shaped-hamlet-point-inside.geojson', import.meta.url), 'utf8')) as CaseCollection;
    const analysis = analyzeCase(collection, 'u.geojson');
    const points = buildCandidates(analysis, collection.properties?.options).filter((candidate) => candidate.source === 'hamlet');
    expect(points).toHaveLength(1);
    expect(isPointInHamlet(analysis.prepared[0], points[0].record.lng, points[0].record.lat)).toBe(true);
  });

  it('refuses a technology that is not mobile broadband and a non-positive weight', async () => {
    const { readFileSync } = await import('node:fs');
    const collection = JSON.parse(readFileSync(new URL('../../../test/fixtures/buildCandidates/in/u-shaped-hamlet-point-inside.geojson', import.meta.url), 'utf8')) as CaseCollection;
    const analysis = analyzeCase(collection, 'u.geojson');
    expect(() => buildCandidates(analysis, { technology: '2G' })).toThrow(expect.objectContaining({ code: 'invalid-option', where: 'technology', detail: { code: 'error.technology', params: { technology: '2G', mobile: analysis.config.mobileBroadband.join(', ') } } }));
    expect(() => buildCandidates(analysis, { weights: { upgrade: 0, new: 3 } })).toThrow(expect.objectContaining({ detail: { code: 'error.weight-upgrade', params: { value: 0 } } }));
  });
});
