import type { CoverageConfig, CoverageInput, LayerName, MeasurementOptions, MeasurementReport, RadiusOverride, TargetResult } from '../core';

/** One evidence run: the analysis input (recomputed only when `inputKey` changes), the rules and the seed. */
export interface EvidenceRequest {
  input: CoverageInput;
  config: CoverageConfig;
  groupBy: string[];
  /** Changes whenever the input or the config does (dataset revision, filters, settings). */
  inputKey: string;
  rules: MeasurementOptions;
  /** Seed of the calibration's bootstrap: the same tests give the same intervals. */
  seed: number;
}

/** What a calibrated radius would do to the KPIs: the operator's hamlets covered on the layer, and mobile broadband overall. */
export interface CalibrationEffect {
  operator: string;
  technology: string;
  radiusMeters: number;
  operatorShareBefore: number;
  operatorShareAfter: number;
  mobileShareBefore: number;
  mobileShareAfter: number;
}

export interface EvidenceResponse {
  kind: 'evidence';
  measurements: MeasurementReport;
  /** The plan's targets with the measured speeds in (source `measured: …`). */
  targets: TargetResult[];
  effects: CalibrationEffect[];
  durationMs: number;
}

export interface EvidenceFailure {
  kind: 'error';
  message: string;
}

/** The analysis the evidence worker keeps (recomputed only when `inputKey` changes). */
export type AnalysisInputRequest = Pick<EvidenceRequest, 'input' | 'config' | 'groupBy' | 'inputKey'>;

/** The layer the H3 view draws (a layer name, overall or for one operator) of the analysis of `input`. */
export interface HexViewRequest extends AnalysisInputRequest {
  layer: LayerName;
  operator: string | null;
  resolution: number;
  /** With the tests the worker holds, judged with this threshold (tests and agreement per hexagon); null: without tests. */
  tests: { rsrpThresholdDbm: number } | null;
}

/** The functions the evidence worker exposes through comlink. */
export interface EvidenceWorkerApi {
  /** Keeps the tests in the worker (sent once per import, not per run). */
  setMeasurements(set: import('../core').MeasurementSet | null): void;
  evaluate(request: EvidenceRequest, overrides: RadiusOverride[]): EvidenceResponse | EvidenceFailure;
  /** The analysis on hexagons, as GeoJSON. */
  hexView(request: HexViewRequest): GeoJSON.FeatureCollection | EvidenceFailure;
}
