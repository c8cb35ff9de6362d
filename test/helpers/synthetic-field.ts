// A small synthetic province for the measurement tests: square hamlets in a grid (two districts,
// communes of four hamlets), sites of known radii, and measurement rows built from plain objects.
import { createCoverageAnalysis, type CoverageAnalysis } from '../../src/core/analyze-coverage';
import { DEFAULT_CONFIG } from '../../src/core/config/default-config';
import { MeasurementSetBuilder, STATUS_UNKNOWN, type MeasurementRow, type MeasurementSet } from '../../src/core/measurements/measurement-set';
import type { BtsRecord, CoverageConfig, Hamlet } from '../../src/core/types';

export const ORIGIN: [number, number] = [105.9, 9.5];
/** Hamlet side, degrees (about 1.1 km). */
export const HAMLET_DEGREES = 0.01;

/**
 * `columns × rows` square hamlets from ORIGIN; hamlet `H<r>-<c>`, commune `C<r/2>-<c/2>` (four
 * hamlets), district `D0` west of the middle column and `D1` east of it.
 */
export function gridHamlets(columns: number, rows: number): Hamlet[] {
  const hamlets: Hamlet[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const [x, y] = [ORIGIN[0] + c * HAMLET_DEGREES, ORIGIN[1] + r * HAMLET_DEGREES];
      const commune = `C${Math.floor(r / 2)}-${Math.floor(c / 2)}`;
      const district = c < columns / 2 ? 'D0' : 'D1';
      hamlets.push({
        id: `H${r}-${c}`,
        name: `Ấp ${r}-${c}`,
        commune,
        district,
        households: 100,
        properties: {},
        geometry: { type: 'Polygon', coordinates: [[[x, y], [x + HAMLET_DEGREES, y], [x + HAMLET_DEGREES, y + HAMLET_DEGREES], [x, y + HAMLET_DEGREES], [x, y]]] },
      });
    }
  }
  return hamlets;
}

/** The analysis of grid hamlets and records. */
export function analyzeField(hamlets: Hamlet[], records: BtsRecord[], config: CoverageConfig = DEFAULT_CONFIG): CoverageAnalysis {
  return createCoverageAnalysis({ hamlets, btsRecords: records, fibrePoints: [], fibreRoutes: [], indicators: [] }, config);
}

/** A measurement set from rows that give only what they need. */
export function measurementSet(rows: Partial<MeasurementRow>[]): MeasurementSet {
  const builder = new MeasurementSetBuilder();
  rows.forEach((row, index) =>
    builder.push({
      lng: ORIGIN[0],
      lat: ORIGIN[1],
      timeMs: Number.NaN,
      operator: null,
      technology: '4G',
      downMbps: Number.NaN,
      upMbps: Number.NaN,
      latencyMs: Number.NaN,
      rsrpDbm: Number.NaN,
      status: STATUS_UNKNOWN,
      weight: 1,
      file: 'field.csv',
      row: index + 1,
      ...row,
    }),
  );
  return builder.build();
}
