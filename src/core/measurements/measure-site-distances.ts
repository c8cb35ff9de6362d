import Flatbush from 'flatbush';
import type { BtsRecord, CoverageConfig, Technology } from '../types';
import { ellipsoidMetersPerDegree } from '../units';
import { layerOfTechnology } from './classify-measurements';
import { MEASUREMENT_TECHNOLOGIES, type MeasurementSet } from './measurement-set';

/** The records of one operator that carry a layer, indexed in a metric frame. */
interface RecordIndex {
  records: BtsRecord[];
  index: Flatbush | null;
}

function carriesLayer(record: BtsRecord, layer: 'mobile' | '4g' | '5g', config: CoverageConfig): boolean {
  if (layer === '4g') return record.technologies.includes('4G');
  if (layer === '5g') return record.technologies.includes('5G');
  return record.technologies.some((technology: Technology) => config.mobileBroadband.includes(technology));
}

/** Whether the direction (dx east, dy north, metres) lies in the record's sector (or it has none). */
function isInSector(record: BtsRecord, dx: number, dy: number, config: CoverageConfig): boolean {
  const beamwidth = record.beamwidthDegrees ?? config.defaultBeamwidthDegrees;
  if (record.azimuthDegrees === undefined || !(beamwidth > 0) || beamwidth >= 360) return true;
  if (dx === 0 && dy === 0) return true;
  const bearing = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
  const offset = Math.abs(((bearing - record.azimuthDegrees + 540) % 360) - 180);
  return offset <= beamwidth / 2 + 1e-9;
}

/**
 * For every test, the ground distance to the nearest site record of the test's operator that
 * carries the test's layer (4G, 5G, or any mobile broadband for 3G and mobile tests) and whose
 * sector faces the test, up to `maxMeters`. This is the score a radius calibration cuts: with a
 * radius r, a test is predicted covered when its distance ≤ r (the same rule as the engine's
 * discs and sectors, measured in the WGS84 frame the engine uses).
 * @param set the measurements
 * @param records the BTS records
 * @param config mobile-broadband technologies and the default beamwidth
 * @param maxMeters farthest distance looked at; farther tests get Infinity
 * @returns per test, metres (Infinity when no such record is within `maxMeters`, or the test has no
 *   operator or a technology without a layer)
 * @throws never
 * @example measureSiteDistances(set, input.btsRecords, DEFAULT_CONFIG, 15000)[0] // 1834.2
 */
export function measureSiteDistances(set: MeasurementSet, records: readonly BtsRecord[], config: CoverageConfig, maxMeters: number): Float64Array {
  const distances = new Float64Array(set.count).fill(Infinity);
  if (records.length === 0) return distances;
  let lat0 = 0;
  for (const record of records) lat0 += record.lat / records.length;
  const lng0 = records[0].lng;
  const [kx, ky] = ellipsoidMetersPerDegree(lat0);
  const indices = new Map<string, RecordIndex>();
  const indexOf = (operator: string, layer: 'mobile' | '4g' | '5g'): RecordIndex => {
    const key = `${layer}\u0000${operator}`;
    let found = indices.get(key);
    if (found === undefined) {
      const chosen = records.filter((record) => record.operator === operator && carriesLayer(record, layer, config));
      let index: Flatbush | null = null;
      if (chosen.length > 0) {
        index = new Flatbush(chosen.length);
        for (const record of chosen) {
          const x = (record.lng - lng0) * kx;
          const y = (record.lat - lat0) * ky;
          index.add(x, y, x, y);
        }
        index.finish();
      }
      found = { records: chosen, index };
      indices.set(key, found);
    }
    return found;
  };
  for (let i = 0; i < set.count; i++) {
    const operator = set.operator[i];
    const layer = layerOfTechnology(MEASUREMENT_TECHNOLOGIES[set.technology[i]]);
    if (operator < 0 || layer === null) continue;
    const { records: chosen, index } = indexOf(set.operators[operator], layer);
    if (index === null) continue;
    const lng = set.lng[i];
    const lat = set.lat[i];
    // The test's own frame, as the engine measures a shape around a point.
    const [kxTest, kyTest] = ellipsoidMetersPerDegree(lat);
    const x = (lng - lng0) * kx;
    const y = (lat - lat0) * ky;
    // The frame of the index differs from the test's by well under 1 % over a province: look a
    // little further and keep the exact nearest.
    const near = index.neighbors(x, y, 4, maxMeters * 1.02, (k) => {
      const record = chosen[k];
      return isInSector(record, (lng - record.lng) * kxTest, (lat - record.lat) * kyTest, config);
    });
    let best = Infinity;
    for (const k of near) {
      const record = chosen[k];
      best = Math.min(best, Math.hypot((lng - record.lng) * kxTest, (lat - record.lat) * kyTest));
    }
    if (best <= maxMeters) distances[i] = best;
  }
  return distances;
}
