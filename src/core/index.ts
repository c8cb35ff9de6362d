// The only entry point used outside src/core: a deliberate list, grouped by what uses it. A core
// function the app, the CLI or a test outside core needs is added here by name; kernel scratch
// types stay inside.

// Domain types and constants.
export {
  LAYER_NAMES,
  MOBILE_LAYER_NAMES,
  SHARED_TOWER_OPERATOR,
  TECHNOLOGIES,
  type AreaGeometry,
  type BtsRecord,
  type CoverageConfig,
  type CoverageFlags,
  type CoverageFractions,
  type CoverageInput,
  type CoverageReport,
  type FibrePoint,
  type FibreRoute,
  type FieldMapping,
  type GroupKpis,
  type GroupUnit,
  type Hamlet,
  type HamletResult,
  type ImportResult,
  type IndicatorValue,
  type KpiSet,
  type LayerName,
  type MultiPolygonGeometry,
  type PlanTarget,
  type PolygonCoordinates,
  type PointRuleKpis,
  type PolygonGeometry,
  type Position,
  type ReportSite,
  type Site,
  type SkippedItem,
  type TargetResult,
  type Technology,
  type Warning,
  type WarningPlaces,
} from './types';
export {
  LISTED_ITEMS,
  MESSAGE_CODES,
  isMessageList,
  listOf,
  message,
  quotedValue,
  type InputProblem,
  type Message,
  type MessageCode,
  type MessageList,
  type MessageParam,
  type MessageParams,
} from './messages';
export { METERS_PER_DEGREE, type Meters } from './units';
export { DEFAULT_CONFIG, SOC_TRANG_PLAN_TARGETS } from './config/default-config';
export { appendAll } from './append-all';

// The analysis: coverage, KPIs, targets, the map's classes.
export { buildCoverageReport, createCoverageAnalysis, withExtraBtsRecords, type CoverageAnalysis } from './analyze-coverage';
export { computeKpis } from './kpi/compute-kpis';
export { evaluateTargets } from './kpi/evaluate-targets';
export { COVERAGE_STATUSES, coverageStatus, coverageStatusOf, coveredThresholdOf, isCoveredFraction, operatorFractionOf, type CoverageStatus } from './kpi/coverage-status';
export { formatUnitLabel, groupHamlets, UNASSIGNED_GROUP_KEY, type HamletGrouping } from './admin/group-hamlets';
export { applyMergerTable, MERGER_COLUMN_ALIASES, NEW_COMMUNE_FIELD, NEW_UNIT_PROPERTIES, parseMergerCsv, parseMergerTable, type MergerRow } from './admin/merger-table';
export { filterCoverageInput, NO_FILTERS, type InputFilters } from './filters/filter-coverage-input';
export { findReachingSites } from './coverage/find-reaching-sites';
export { buildCoverageFootprints } from './coverage/coverage-footprints';

// The analysis split into jobs, for runners that spread it over threads (the CLI's worker pool).
export {
  assembleCoverageJob,
  buildJobShapes,
  completeCoverageAnalysis,
  locateJobSites,
  prepareCoverageJob,
  prepareJobHamlets,
  shapesNeedHamlets,
  type AnalysisOptions,
  type CoverageJob,
  type JobHamlets,
  type JobShapes,
} from './analyze-coverage';
export { buildCoverageShapes, type CoverageShapes } from './coverage/coverage-shapes';
export { computeCoverage, indexShapes } from './coverage/compute-coverage';
export { unpackHamlets, type PackedHamlets } from './coverage/prepare-hamlets';
export type { ScanPass } from './coverage/area-kernel';
export { boxIndexFromData } from './spatial/spatial-index';

// Reading input: any file's bytes, or one format at a time.
export { collectAttributeNames, inspectFeatureBytes, parseInputBytes, requireUsableRows, type ParseInputOptions, type ParsedInputBytes } from './io/parse-input-bytes';
export { combineInputFiles, type ImportSummary, type InputKind } from './io/parse-input-file';
export { checkInputSize } from './io/check-input-size';
export { detectInputFormat } from './io/detect-input-format';
export { decodeText } from './io/decode-text';
export { CoverageInputError, isInputProblem, problemOf } from './io/input-error';
export { BTS_COLUMN_ALIASES, FIBRE_COLUMN_ALIASES, INDICATOR_COLUMN_ALIASES, findColumn, normalizeColumnName } from './io/column-aliases';
export { parseLocaleNumber } from './io/parse-number';
export { parseCsvTable } from './io/parse-csv-table';
export { normalizeOperator } from './io/normalize-operator';
export { parseBtsCsv, parseBtsGeoJson } from './io/parse-bts-records';
export { parseFibreCsv, parseFibreGeoJson } from './io/parse-fibre';
export { parseHamletsGeoJson } from './io/parse-hamlets';
export { parseIndicatorsCsv, parseIndicatorsJson } from './io/parse-indicators';
export { readXlsxTable } from './io/formats/read-xlsx-table';
export { HEADER_SEARCH_ROWS, locateHeader, type RawRow } from './io/locate-header';
export { shapeTable, type TableLayout } from './io/shape-table';
export { inspectTableBytes, readTableBytes, type TableInspection } from './io/inspect-table';
export { applyColumnChoice, applyPropertyChoice, fieldAliasesOf, type ColumnChoice } from './io/choose-columns';
export { findDuplicateSites, mergeSites, type DuplicateChoice, type SiteDuplicates } from './io/find-duplicate-sites';
export { joinHouseholdTable } from './io/join-household-table';
export { resolveConfig } from './io/resolve-config';
export { checkStoredRecord, type StoredRecordCheck, type StoredRecordKind, type StoredRecordKinds, type StoredRecordRule } from './io/check-stored-record';
export { isRadiusMeters, MAX_RADIUS_METERS } from './io/record-rules';
export { listKnownCrs, resolveCrs } from './crs/crs-definitions';
export { createReprojector } from './crs/reproject';
export type { CrsReport } from './crs/place-layer';

// Writing results.
export { APPROXIMATE_CSV_COLUMNS, formatGroupsCsv, formatHamletsCsv, formatHamletsGeoJson, formatSitesGeoJson, GROUP_CSV_COLUMNS, HAMLET_CSV_COLUMNS, hamletLeadingCells, roundNumbers } from './io/format-outputs';
export { csvPercent, writeCsv, type CsvCell, type CsvDialect, type WriteCsvOptions } from './io/write-csv';

// Siting: proposed new shared sites, and the engine's verdict on any proposal set.
export { proposeSites, resolveProposalAim, type Proposal, type ProposalResult, type ProposeOptions, type ProposePhase, type SharingOutcome } from './siting/propose-sites';
export { evaluateProposals, toProposalRecords, type EvaluatedProposal, type HelpedHamlet, type LayerShare, type PlacedProposal, type ProposalSetEvaluation } from './siting/evaluate-proposals';
export { pinProposals, type PinnedBase } from './siting/pin-proposals';
export { communeLabel, findRepeatedCommuneNames, nameProposal, nameRankedProposals, shortDistrictName, type NameableProposal, type NamingPlace } from './siting/name-proposal';
export type { ProposalPlace } from './siting/locate-proposal';
export type { ProposalAim } from './siting/target-layers';
export { formatProposalsGeoJson } from './siting/format-proposals';
export { SITING_ERROR_REASONS, SitingError, type HighsLike, type SitingErrorReason, type SitingMessage, type SolverStatus } from './siting/siting-types';
export { buildCandidates } from './siting/build-candidates';
export { computeCoverageGain } from './siting/coverage-gain';

// Field measurements: speed tests and drive tests against the prediction; H3 hexagons; calibration.
export { createPointLayerQuery, type PointLayerQuery } from './coverage/point-layer-query';
export {
  concatMeasurementSets,
  MEASUREMENT_TECHNOLOGIES,
  placeOfMeasurement,
  serviceOfTechnology,
  technologyAt,
  type MeasurementFormat,
  type MeasurementService,
  type MeasurementSet,
  type MeasurementTechnology,
} from './measurements/measurement-set';
export { DEFAULT_MEASUREMENT_OPTIONS, type MeasurementOptions } from './measurements/measurement-options';
export { MAX_MEASUREMENT_BYTES, parseMeasurementBytes, type ParsedMeasurementBytes } from './measurements/parse-measurement-bytes';
export type { MeasurementImport, MeasurementParseOptions } from './measurements/parse-measurement-table';
export { analyzeMeasurements } from './measurements/analyze-measurements';
export { MEASURED_TARGET_IDS, withMeasuredTargets } from './measurements/apply-measured-targets';
export { classifyMeasurements, type MeasurementClassification } from './measurements/classify-measurements';
export { findChallengeHexes, type ChallengeHex, type HexAgreement } from './measurements/find-challenge-hexes';
export type { MeasurementReport } from './measurements/build-measurement-report';
export type { AgreementRow, UnitAgreementRow } from './measurements/compute-agreement';
export type { OperatorSpeedRow, SpeedRow, TechnologySpeedRow } from './measurements/compute-speed-stats';
export type { RadiusCalibration } from './measurements/calibrate-radii';
export type { MeasurementPeriod } from './measurements/measurement-period';
export { createSeededRandom } from './measurements/create-seeded-random';
export { computeH3View, type H3View } from './measurements/compute-h3-view';
export { formatChallengesCsv, formatChallengesGeoJson, formatH3ViewGeoJson } from './measurements/format-evidence';

// A site's reach from its height and band, and the radii records get before the analysis.
export { computeSiteReach, type SiteReach } from './propagation/compute-site-reach';
export { DEFAULT_LINK_BUDGETS, maxAllowedPathLossDb, type LinkBudget } from './propagation/link-budget';
export { PROPAGATION_ENVIRONMENTS, type PathLossModel, type PropagationEnvironment } from './propagation/path-loss-types';
export { DEFAULT_SITE_REACH, resolveRecordRadii, type RadiusOverride, type RecordReach, type SiteReachSettings } from './propagation/resolve-record-radii';
export { findTargetLayers, isMobileCovered } from './siting/target-layers';
export { distanceToHamletMeters } from './coverage/hamlet-geometry';

// The plan's yearly cycle: plan profiles, dated snapshots and their comparison, the annual report's content.
export { CAN_THO_CITY_AUTHORITY, PLAN_GROUPINGS, SOC_TRANG_2025_PROFILE, derivePlanProfile, planAuthorityOn, planShortTitle, type PlanAuthority, type PlanGrouping, type PlanProfile, type PlanProfileChanges } from './plan/plan-profile';
export { type DecodeProblem, type DecodeResult } from './plan/decode-problems';
export { decodePlanProfile, resolvePlanProfile } from './plan/decode-plan-profile';
export { PlanConfigError, resolvePlanConfig } from './plan/resolve-plan-config';
export { snapshotResultsOf, type PlanSnapshot, type SnapshotGroup, type SnapshotHamlet, type SnapshotResults, type SnapshotSite } from './plan/plan-snapshot';
export { decodeAnalyzeOutput, decodePlanSnapshot, decodeSnapshotResults } from './plan/decode-snapshot';
export { compareSnapshots, type ChangedHamlet, type ChangedSite, type CompareOptions, type OperatorChange, type RematchedSite, type SnapshotChange, type TargetChange, type UnitChange } from './plan/compare-snapshots';
export { CHANGE_COLORS, formatChangeCsv, formatChangeGeoJson, formatChangeJson, type ChangeSide, type HamletChangeKind, type SiteChangeKind } from './plan/format-change';
export { buildAnnualReport, type AnnualReportInput } from './plan/build-annual-report';
export { coveredHouseholds, sortUnitsByCode, unitDisplayName } from './plan/report-units';
export type { AnnualReport, ReportBlock, ReportCell, ReportRow, ReportSection, ReportTable, ReportText } from './plan/annual-report-model';

// Hamlets without polygons: approximate areas from hamlet points (or lists) and commune polygons.
export { buildApproximateHamlets, type ApproximateHamletsResult } from './approximate/build-approximate-hamlets';
export { checkHamletLayer, MAX_MEDIAN_HAMLET_KM2, type HamletLayerCheck } from './approximate/check-hamlet-layer';
export { matchCommunes, type CommuneMatch } from './approximate/match-communes';
export { HAMLET_LIST_COLUMN_ALIASES, readCommuneAreas, readHamletListFeatures, readHamletListTable } from './approximate/read-hamlet-list';
export type { ApproximationKind, CommuneArea, HamletListEntry } from './approximate/approximate-types';
export { guessLabelAttribute, MAX_REFERENCE_FEATURES, MAX_REFERENCE_POSITIONS, referenceLayerKinds, referenceLayerTitle, type ReferenceFeature, type ReferenceGeometry, type ReferenceLayer } from './reference/reference-layer';
export { parseReferenceBytes, placeReferenceCollection, readReferenceCollection, readReferenceGeometry, type ParsedReferenceLayer } from './reference/parse-reference-layer';
