/// <reference lib="webworker" />
// The evidence worker: keeps the field tests and the analysis they are judged against, and runs the
// core measurement steps. Apart from the analysis worker, so a long calibration never delays a
// re-analysis of the map.
import * as Comlink from 'comlink';
import {
  analyzeMeasurements,
  buildCoverageReport,
  classifyMeasurements,
  computeH3View,
  createCoverageAnalysis,
  createSeededRandom,
  formatH3ViewGeoJson,
  type CoverageAnalysis,
  type CoverageReport,
  type MeasurementSet,
  type RadiusOverride,
} from '../core';
import type { AnalysisInputRequest, CalibrationEffect, EvidenceFailure, EvidenceRequest, EvidenceResponse, EvidenceWorkerApi, HexViewRequest } from './evidence-messages';

let measurements: MeasurementSet | null = null;
let cached: { key: string; analysis: CoverageAnalysis; report: CoverageReport } | null = null;

function ensureAnalysis(request: AnalysisInputRequest): { analysis: CoverageAnalysis; report: CoverageReport } {
  if (cached?.key !== request.inputKey) {
    const analysis = createCoverageAnalysis(request.input, request.config);
    cached = { key: request.inputKey, analysis, report: buildCoverageReport(analysis, request.groupBy) };
  }
  return cached;
}

function coveredShare(report: CoverageReport, operator: string | null, layer: 'mobile' | '4g' | '5g', threshold: number): number {
  if (report.hamlets.length === 0) return 0;
  let covered = 0;
  for (const hamlet of report.hamlets) {
    const fraction = operator === null ? hamlet.fraction[layer] : (Object.hasOwn(hamlet.operatorFraction, operator) ? hamlet.operatorFraction[operator][layer] : 0);
    if (fraction >= threshold - 1e-12) covered++;
  }
  return covered / report.hamlets.length;
}

const api: EvidenceWorkerApi = {
  setMeasurements(set) {
    measurements = set;
  },
  evaluate(request: EvidenceRequest, overrides: RadiusOverride[]): EvidenceResponse | EvidenceFailure {
    const started = performance.now();
    try {
      if (measurements === null) return { kind: 'error', message: 'no measurements' };
      const { analysis, report } = ensureAnalysis(request);
      const evidence = analyzeMeasurements({ analysis, report, groupBy: request.groupBy, set: measurements, options: request.rules, random: createSeededRandom(request.seed), skipped: 0 });
      // What each calibrated radius would give, applied alone on top of the radii already applied.
      const effects: CalibrationEffect[] = [];
      for (const row of evidence.measurements.calibration) {
        if (row.radiusMeters === null || !['3G', '4G', '5G'].includes(row.technology)) continue;
        const technology = row.technology as RadiusOverride['technology'];
        const radiusMeters = Math.round(row.radiusMeters / 10) * 10;
        const others = overrides.filter((override) => override.operator !== row.operator || override.technology !== technology);
        const config = { ...request.config, radiusOverrides: [...others, { operator: row.operator, technology, radiusMeters }] };
        const after = buildCoverageReport(createCoverageAnalysis(request.input, config), request.groupBy);
        const layer = technology === '5G' ? '5g' : technology === '4G' ? '4g' : 'mobile';
        effects.push({
          operator: row.operator,
          technology,
          radiusMeters,
          operatorShareBefore: coveredShare(report, row.operator, layer, request.config.coveredThreshold.mobile),
          operatorShareAfter: coveredShare(after, row.operator, layer, request.config.coveredThreshold.mobile),
          mobileShareBefore: report.kpis.coveredMobileShare,
          mobileShareAfter: after.kpis.coveredMobileShare,
        });
      }
      return { kind: 'evidence', measurements: evidence.measurements, targets: evidence.targets, effects, durationMs: performance.now() - started };
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  },
  hexView(request: HexViewRequest) {
    try {
      const { analysis } = ensureAnalysis(request);
      const judged = request.tests !== null && measurements !== null ? { set: measurements, classification: classifyMeasurements(measurements, analysis, { rsrpThresholdDbm: request.tests.rsrpThresholdDbm, h3Resolution: request.resolution }) } : undefined;
      const view = computeH3View(analysis, request.resolution, judged);
      return formatH3ViewGeoJson(view, { layer: request.layer, operator: request.operator }, false) as unknown as GeoJSON.FeatureCollection;
    } catch (error) {
      return { kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  },
};

Comlink.expose(api);
