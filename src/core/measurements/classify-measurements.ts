import type { CoverageAnalysis } from '../analyze-coverage';
import { isPointInHamlet } from '../coverage/hamlet-geometry';
import { createPointLayerQuery } from '../coverage/point-layer-query';
import type { LayerName } from '../types';
import { createH3Locator } from './h3-locator';
import { MEASUREMENT_TECHNOLOGIES, STATUS_FAILED, STATUS_OK, type MeasurementSet, type MeasurementTechnology } from './measurement-set';
import type { MeasurementOptions } from './measurement-options';
import { computeSpatialOrder } from './spatial-order';
import { buildGridIndex } from '../spatial/grid-index';

/** What the analysis predicted at each test, what the test observed, and where it lies. */
export interface MeasurementClassification {
  /** Index of the hamlet the test lies in, or -1 outside every hamlet. */
  hamlet: Int32Array;
  /** 1 predicted covered, 0 predicted not covered, -1 not judged (no operator, 2G, Wi-Fi, fixed). */
  predicted: Int8Array;
  /** 1 served, 0 not served, -1 unknown (neither an outcome nor a signal level). */
  observed: Int8Array;
  /** Index into `cells` of the test's H3 cell. */
  cell: Int32Array;
  cells: string[];
  h3Resolution: number;
}

/** The part of an analysis the classification reads. */
export type ClassifiableAnalysis = Pick<CoverageAnalysis, 'input' | 'prepared' | 'base' | 'extra' | 'extraRecords' | 'layerKeys'>;

/**
 * The coverage layer a test of a technology is judged against: 4G tests against the operator's 4G
 * layer, 5G against 5G, 3G and mobile tests of unknown generation against its mobile-broadband
 * layer; 2G, Wi-Fi and fixed-line tests are not judged (no layer predicts them).
 * @param technology the test's technology
 * @returns the layer, or null
 * @throws never
 * @example layerOfTechnology('3G') // 'mobile'
 */
export function layerOfTechnology(technology: MeasurementTechnology): Exclude<LayerName, 'ftth'> | null {
  if (technology === '4G') return '4g';
  if (technology === '5G') return '5g';
  if (technology === '3G' || technology === 'mobile') return 'mobile';
  return null;
}

/** Spatial order buckets, degrees: about the size of a hamlet's neighbourhood (0.5 km). */
const ORDER_BUCKET_DEGREES = 0.005;

/**
 * Judges every test: the hamlet it lies in, whether the analysis predicted coverage there for the
 * test's operator and technology (the engine's own shapes, through `createPointLayerQuery`), whether
 * the test observed service, and its H3 cell.
 *
 * Observed served: the test succeeded, or (4G/5G) its RSRP is at or above
 * `options.rsrpThresholdDbm`. Observed not served: the test failed, or (4G/5G) its RSRP is below the
 * threshold with no success. Otherwise unknown. An operator without a layer in the analysis (no
 * sites of it) is predicted not covered; one beyond the analysis' per-operator layers is not judged.
 * @param set the measurements
 * @param analysis the coverage analysis (prepared hamlets and indexed shapes)
 * @param options the RSRP threshold and the H3 resolution
 * @returns one entry per test in each column
 * @throws never
 * @example classifyMeasurements(set, analysis, DEFAULT_MEASUREMENT_OPTIONS).predicted[0] // 1
 */
export function classifyMeasurements(set: MeasurementSet, analysis: ClassifiableAnalysis, options: Pick<MeasurementOptions, 'rsrpThresholdDbm' | 'h3Resolution'>): MeasurementClassification {
  const count = set.count;
  const hamlet = new Int32Array(count).fill(-1);
  const predicted = new Int8Array(count);
  const observed = new Int8Array(count);
  const bits = layerBits(set, analysis);
  const technologies = MEASUREMENT_TECHNOLOGIES.length;
  const layersAt = createPointLayerQuery(analysis.extra ? [analysis.base, analysis.extra] : [analysis.base]);
  const isRsrpJudged = MEASUREMENT_TECHNOLOGIES.map((technology) => technology === '4G' || technology === '5G');
  const order = computeSpatialOrder(set.lng, set.lat, count, ORDER_BUCKET_DEGREES);
  const { prepared } = analysis;
  const hamletGrid = buildGridIndex(prepared.length, (h, out) => out.set(prepared[h].bbox), ORDER_BUCKET_DEGREES);
  for (let k = 0; k < count; k++) {
    const i = order[k];
    const lng = set.lng[i];
    const lat = set.lat[i];
    const gridCell = hamletGrid.cellOf(lng, lat);
    if (gridCell >= 0) {
      for (let g = hamletGrid.start[gridCell]; g < hamletGrid.start[gridCell + 1]; g++) {
        const h = hamletGrid.items[g];
        const box = prepared[h].bbox;
        if (lng < box[0] || lng > box[2] || lat < box[1] || lat > box[3] || !isPointInHamlet(prepared[h], lng, lat)) continue;
        hamlet[i] = h;
        break;
      }
    }
    const operator = set.operator[i];
    const technology = set.technology[i];
    const bit = operator < 0 ? -1 : bits[operator * technologies + technology];
    predicted[i] = bit < 0 ? -1 : bit === 0 ? 0 : (layersAt(lng, lat, bit) & bit) !== 0 ? 1 : 0;
    const rsrp = set.rsrpDbm[i];
    const hasSignal = isRsrpJudged[technology] && rsrp === rsrp;
    const status = set.status[i];
    if (status === STATUS_OK || (hasSignal && rsrp >= options.rsrpThresholdDbm)) observed[i] = 1;
    else if (status === STATUS_FAILED || hasSignal) observed[i] = 0;
    else observed[i] = -1;
  }
  const locator = createH3Locator(options.h3Resolution);
  const cell = locator.cellsOf(set.lng, set.lat, count, order);
  return { hamlet, predicted, observed, cell, cells: locator.cells, h3Resolution: options.h3Resolution };
}

/**
 * Per operator × technology of the set: the layer bit to test (> 0), 0 when the operator has no
 * site at all (nothing predicted), -1 when the test is not judged.
 */
function layerBits(set: MeasurementSet, analysis: ClassifiableAnalysis): Int32Array {
  const technologies = MEASUREMENT_TECHNOLOGIES.length;
  const bits = new Int32Array(set.operators.length * technologies).fill(-1);
  const siteOperators = new Set<string>();
  for (const record of analysis.input.btsRecords) siteOperators.add(record.operator);
  for (const record of analysis.extraRecords) siteOperators.add(record.operator);
  set.operators.forEach((operator, o) => {
    MEASUREMENT_TECHNOLOGIES.forEach((technology, t) => {
      const layer = layerOfTechnology(technology);
      if (layer === null) return;
      const index = analysis.layerKeys.findIndex((key) => key.layer === layer && key.operator === operator);
      if (index >= 0) bits[o * technologies + t] = 1 << index;
      else if (!siteOperators.has(operator)) bits[o * technologies + t] = 0;
    });
  });
  return bits;
}
