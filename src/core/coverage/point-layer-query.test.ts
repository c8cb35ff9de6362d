import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { btsRecord, CENTER } from '../../../test/helpers/random-geometry';
import { slowIsInRecordShape } from '../../../test/helpers/slow-point-in-shape';
import { DEFAULT_CONFIG } from '../config/default-config';
import { metersToDegrees } from '../units';
import { indexShapes } from './compute-coverage';
import { buildCoverageShapes, buildLayerKeys } from './coverage-shapes';
import { createPointLayerQuery } from './point-layer-query';

const probe = fc
  .record({ east: fc.integer({ min: -7000, max: 7000 }), north: fc.integer({ min: -7000, max: 7000 }) })
  .map(({ east, north }): [number, number] => {
    const [dLng, dLat] = metersToDegrees(1, CENTER[1]);
    return [CENTER[0] + east * dLng, CENTER[1] + north * dLat];
  });

describe('createPointLayerQuery', () => {
  it('finds the same layers as a slow Turf loop over the records', () => {
    fc.assert(
      fc.property(fc.array(btsRecord, { minLength: 1, maxLength: 8 }), fc.array(probe, { minLength: 1, maxLength: 40 }), (records, probes) => {
        const layerKeys = buildLayerKeys(records.map((record) => record.operator));
        const { shapes } = buildCoverageShapes({ btsRecords: records, fibrePoints: [], fibreRoutes: [] }, DEFAULT_CONFIG, layerKeys);
        const layersAt = createPointLayerQuery([indexShapes(shapes)]);
        for (const [lng, lat] of probes) {
          const mask = layersAt(lng, lat);
          layerKeys.forEach((key, bit) => {
            if (key.layer === 'ftth') return;
            const carries = (technologies: string[]) => (key.layer === '4g' ? technologies.includes('4G') : key.layer === '5g' ? technologies.includes('5G') : technologies.some((t) => DEFAULT_CONFIG.mobileBroadband.includes(t as never)));
            const answers = records
              .filter((record) => (key.operator === null || record.operator === key.operator) && carries(record.technologies))
              .map((record) => slowIsInRecordShape(record, record.radiusMeters ?? 0, lng, lat));
            if (answers.includes('near')) return;
            expect((mask & (1 << bit)) !== 0, `${key.layer} ${key.operator} at ${lng},${lat}`).toBe(answers.includes('in'));
          });
        }
      }),
      { seed: 1302, numRuns: 150 },
    );
  });

  it('covers a point inside a fibre route strip and not one beyond it', () => {
    const layerKeys = buildLayerKeys([]);
    const [dLng] = metersToDegrees(1, CENTER[1]);
    const route = { id: 'R', coordinates: [[CENTER[0], CENTER[1]], [CENTER[0] + 2000 * dLng, CENTER[1]]] as [number, number][], radiusMeters: 300 };
    const { shapes } = buildCoverageShapes({ btsRecords: [], fibrePoints: [], fibreRoutes: [route] }, DEFAULT_CONFIG, layerKeys);
    const layersAt = createPointLayerQuery([indexShapes(shapes)]);
    const ftth = 1 << layerKeys.findIndex((key) => key.layer === 'ftth');
    const [, dLat] = metersToDegrees(1, CENTER[1]);
    expect(layersAt(CENTER[0] + 1000 * dLng, CENTER[1] + 290 * dLat) & ftth).toBe(ftth);
    expect(layersAt(CENTER[0] + 1000 * dLng, CENTER[1] + 310 * dLat) & ftth).toBe(0);
    expect(layersAt(CENTER[0] + 2250 * dLng, CENTER[1]) & ftth).toBe(ftth);
    expect(layersAt(CENTER[0] + 2350 * dLng, CENTER[1]) & ftth).toBe(0);
  });

  it('answers 0 with no shapes', () => {
    const { shapes } = buildCoverageShapes({ btsRecords: [], fibrePoints: [], fibreRoutes: [] }, DEFAULT_CONFIG, buildLayerKeys([]));
    expect(createPointLayerQuery([indexShapes(shapes)])(CENTER[0], CENTER[1])).toBe(0);
  });
});
