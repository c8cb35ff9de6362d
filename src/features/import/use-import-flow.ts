import { useCallback } from 'react';
import { create } from 'zustand';
import { checkHamletLayer, detectInputFormat, findDuplicateSites, inspectTableBytes, mergeSites, type DuplicateChoice, type Message, type ParsedInputBytes, type SiteDuplicates, type TableInspection } from '../../core';
import { buildApproximateImport, listFailedReport, readCommuneLayer, readHamletListFile, type HamletListReading } from './approximate-import';
import { useDatasetStore } from '../../state/dataset-store';
import { cancelBytesParse, ImportCancelledError, inspectAttributesInWorker } from '../../worker/client';
import { findMissingColumns, type ImportKind, type MappingKind } from './column-mapping';
import { needsCrsConfirmation } from './crs-choice';
import { commitParsed, importMergerTable, parseImportJob, readCompanions, refuseBySize, type ImportJob, type ImportProgress } from './import-file';
import type { ColumnInspection } from './TableStep';
import { detectGisFormat } from '../../formats/gis-format';
import { failedReport, type ImportReport } from './import-report';
import { problemFromError } from './import-report';
import { commitMeasurements, parseMeasurementJob } from '../measurements/import-measurements';
import { commitReference, parseReferenceJob } from '../reference/import-reference';

/** Where the import dialog is: idle, reading/parsing, asking for columns, asking to confirm, or done. */
export type ImportStep =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string; progress: ImportProgress }
  /**
   * The column-mapping step: a CSV or .xlsx table, its header row (found under title rows, or picked) and
   * its columns; or a layer's attribute table (Shapefile, GeoPackage, MapInfo, GeoJSON…) and its attributes.
   */
  | { kind: 'table'; job: ImportJob; inspection: ColumnInspection; mapping: MappingKind }
  /**
   * Before a file is used: its sheet, or the coordinate system core guessed. `forList`: the file is the
   * commune polygons of a hamlet list (the communes step), built into approximate hamlets once confirmed.
   */
  | { kind: 'review'; job: ImportJob; parsed: ParsedInputBytes; report: ImportReport; forList?: CommunesFor }
  /** A hamlet list without polygons: commune polygons are asked for (a file, or the current hamlet layer). */
  | { kind: 'communes'; job: ImportJob; reading: HamletListReading }
  /** A hamlet layer that does not look like hamlets (units too large, names like communes): asked before it is used. */
  | { kind: 'hamlet-question'; job: ImportJob; parsed: ParsedInputBytes; report: ImportReport; findings: Message[]; wasReviewing: boolean }
  /** Sites being added that the layer already holds: the user chooses what to keep. */
  | { kind: 'duplicates'; job: ImportJob; parsed: ParsedInputBytes; report: ImportReport; duplicates: SiteDuplicates }
  /** `sheetRetry`: the sheet read could not be used; the workbook's other sheets may be picked. */
  | { kind: 'done'; report: ImportReport; sheetRetry?: { job: ImportJob; sheetNames: string[] } }
  | { kind: 'cancelled'; fileName: string };

/** The hamlet list a commune file is read for, in the communes step. */
interface CommunesFor {
  job: ImportJob;
  reading: HamletListReading;
}

// The step lives outside the panel, so switching tabs (e.g. to read the KPIs) keeps the report and a
// running import. It holds the File being imported: a Blob, plain data, not a DOM node.
const useImportStepStore = create<{ step: ImportStep }>()(() => ({ step: { kind: 'idle' } }));
const setStep = (step: ImportStep): void => useImportStepStore.setState({ step });
let generation = 0;
let abort: AbortController | null = null;

// Files up to this size are looked at for the column-mapping step (tables on the main thread, layers'
// attributes in the import worker); bigger ones go straight to the worker (a real site list is far smaller).
const INSPECT_LIMIT_BYTES = 20 * 1024 * 1024;

/** The table as core reads its header, or null when it cannot be read here (the worker then says why). */
async function inspectTable(fileName: string, bytes: Uint8Array, options: { sheet?: string; headerRow?: number }): Promise<TableInspection | null> {
  try {
    return await inspectTableBytes(fileName, bytes, options);
  } catch {
    return null;
  }
}

/**
 * The table step is shown when the header is not on the table's first row (title rows were skipped, or
 * two header rows joined), when no header was recognised, or when a column the layer needs is missing.
 */
function needsTableStep(kind: MappingKind, inspection: TableInspection): boolean {
  const { layout } = inspection;
  // A workbook whose first sheet is no table (a cover note): the sheet choice comes first, in the review.
  if (layout.knownCount === 0 && (inspection.sheet?.names.length ?? 1) > 1) return false;
  const firstRow = layout.rows[0]?.rowNumber ?? layout.headerRow;
  return layout.headerRow !== firstRow || layout.knownCount === 0 || findMissingColumns(kind, inspection.headers).length > 0;
}

/** A review step is needed when core guessed the coordinate system or the workbook has several sheets. */
function needsReview(job: ImportJob, parsed: ParsedInputBytes, wasReviewing: boolean): boolean {
  return wasReviewing || needsCrsConfirmation(parsed) || (parsed.sheet !== undefined && parsed.sheet.names.length > 1 && job.sheet === undefined);
}

/** Commits a parsed file, unless sites being added duplicate some the layer holds: then the user is asked. */
function commitOrAsk(job: ImportJob, parsed: ParsedInputBytes, report: ImportReport, mode: 'replace' | 'add'): void {
  if (mode === 'add' && job.kind === 'sites') {
    const duplicates = findDuplicateSites(useDatasetStore.getState().btsRecords, parsed.input.btsRecords ?? []);
    if (duplicates.count > 0) return setStep({ kind: 'duplicates', job, parsed, report, duplicates });
  }
  commitParsed(job.kind as Exclude<ImportKind, 'merger' | 'measurements' | 'reference'>, parsed, mode);
  performance.mark('import-committed');
  setStep({ kind: 'done', report });
}

/**
 * A layer's attribute names, read in the import worker (through GDAL for a GIS file), with progress and
 * Cancel; null when cancelled or refused (the report then says why).
 */
async function inspectLayer(job: ImportJob, bytes: Uint8Array): Promise<string[] | null> {
  const current = ++generation;
  abort = new AbortController();
  setStep({ kind: 'busy', fileName: job.fileName, progress: { phase: 'parsing', share: null } });
  try {
    const companions = await readCompanions(job);
    const onReaderProgress = (loaded: number, total: number) =>
      current === generation && setStep({ kind: 'busy', fileName: job.fileName, progress: loaded >= total && total > 0 ? { phase: 'parsing', share: null } : { phase: 'loading-reader', share: total > 0 ? loaded / total : null } });
    const response = await inspectAttributesInWorker({ kind: job.kind as 'hamlets', fileName: job.fileName, bytes: bytes.slice().buffer, ...(companions.length > 0 ? { companions } : {}) }, onReaderProgress);
    if (current !== generation) return null;
    if (response.kind === 'error') {
      setStep({ kind: 'done', report: failedReport(job.fileName, job.kind, response.problem) });
      return null;
    }
    return response.headers;
  } catch (error) {
    if (current !== generation) return null;
    if (error instanceof ImportCancelledError) setStep({ kind: 'cancelled', fileName: job.fileName });
    else setStep({ kind: 'done', report: failedReport(job.fileName, job.kind, problemFromError(job.fileName, error)) });
    return null;
  }
}

async function run(job: ImportJob, mode: 'replace' | 'add', wasReviewing = false): Promise<void> {
  const current = ++generation;
  abort = new AbortController();
  setStep({ kind: 'busy', fileName: job.fileName, progress: { phase: 'reading', share: 0 } });
  try {
    if (job.kind === 'measurements') {
      // Field tests go to the measurements, not the analysis input: no review step, committed at once.
      const outcome = await parseMeasurementJob(job, (progress) => current === generation && setStep({ kind: 'busy', fileName: job.fileName, progress }), abort.signal);
      if (current !== generation) return;
      if (outcome.kind === 'failed') return setStep({ kind: 'done', report: outcome.report, ...(outcome.sheetNames ? { sheetRetry: { job, sheetNames: outcome.sheetNames } } : {}) });
      commitMeasurements(outcome.parsed, mode);
      performance.mark('import-committed');
      return setStep({ kind: 'done', report: outcome.report });
    }
    if (job.kind === 'reference') {
      // A context layer is drawn, not analysed: no review step, committed at once.
      const outcome = await parseReferenceJob(job, (progress) => current === generation && setStep({ kind: 'busy', fileName: job.fileName, progress }), abort.signal);
      if (current !== generation) return;
      if (outcome.kind === 'parsed') commitReference(outcome.parsed, mode);
      performance.mark('import-committed');
      return setStep({ kind: 'done', report: outcome.report });
    }
    const outcome = await parseImportJob(job, (progress) => current === generation && setStep({ kind: 'busy', fileName: job.fileName, progress }), abort.signal);
    performance.mark('import-parsed');
    if (current !== generation) return;
    if (outcome.kind === 'failed') return setStep({ kind: 'done', report: outcome.report, ...(outcome.sheetNames ? { sheetRetry: { job, sheetNames: outcome.sheetNames } } : {}) });
    if (job.kind === 'hamlets' && job.isLayerAccepted !== true) {
      const { findings } = checkHamletLayer(outcome.parsed.input.hamlets ?? []);
      if (findings.length > 0) return setStep({ kind: 'hamlet-question', job, parsed: outcome.parsed, report: outcome.report, findings, wasReviewing });
    }
    if (needsReview(job, outcome.parsed, wasReviewing)) return setStep({ kind: 'review', job, parsed: outcome.parsed, report: outcome.report });
    commitOrAsk(job, outcome.parsed, outcome.report, mode);
  } catch (error) {
    if (current !== generation) return;
    if (error instanceof ImportCancelledError || (error instanceof DOMException && error.name === 'AbortError')) return setStep({ kind: 'cancelled', fileName: job.fileName });
    setStep({ kind: 'done', report: failedReport(job.fileName, job.kind, problemFromError(job.fileName, error)) });
  }
}

/** The communes step for a hamlet list, a report when the list is unusable, or null when the file is a hamlet layer. */
async function readListStep(job: ImportJob): Promise<ImportStep | null> {
  try {
    const choice = { ...(job.sheet === undefined ? {} : { sheet: job.sheet }), ...(job.headerRow === undefined ? {} : { headerRow: job.headerRow }), ...(job.columns === undefined ? {} : { columns: job.columns }) };
    const reading = await readHamletListFile(job.fileName, new Uint8Array(await job.file.arrayBuffer()), choice);
    if (reading === null) return null;
    if (reading.list.rowsUsed === 0) return { kind: 'done', report: listFailedReport(job.fileName, reading) };
    return { kind: 'communes', job, reading };
  } catch (error) {
    return { kind: 'done', report: failedReport(job.fileName, 'hamlets', problemFromError(job.fileName, error)) };
  }
}

/** Builds the approximate hamlets of a hamlet list inside commune polygons and imports them. */
function buildInto(forList: CommunesFor, layer: Parameters<typeof buildApproximateImport>[2], mode: 'replace' | 'add'): void {
  const built = buildApproximateImport(forList.job.fileName, forList.reading, layer);
  if (built.hamlets.length > 0) {
    useDatasetStore.getState().actions.importLayer('hamlets', built.hamlets, mode);
    performance.mark('import-committed');
  }
  setStep({ kind: 'done', report: built.report });
}

/**
 * Reads a commune polygon file for a hamlet list in the import worker, like any polygon layer. When core
 * guessed its coordinate system (a Shapefile without .prj, a table in metres), the review step asks to
 * confirm it, as for any import; else the approximate hamlets are built at once.
 */
async function readCommuneFile(communeJob: ImportJob, forList: CommunesFor, mode: 'replace' | 'add', wasReviewing: boolean): Promise<void> {
  const run = ++generation;
  abort = new AbortController();
  const { fileName } = communeJob;
  setStep({ kind: 'busy', fileName, progress: { phase: 'reading', share: 0 } });
  try {
    const outcome = await parseImportJob(communeJob, (progress) => run === generation && setStep({ kind: 'busy', fileName, progress }), abort.signal);
    if (run !== generation) return;
    if (outcome.kind === 'failed') return setStep({ kind: 'done', report: outcome.report });
    if (wasReviewing || needsCrsConfirmation(outcome.parsed)) return setStep({ kind: 'review', job: communeJob, parsed: outcome.parsed, report: outcome.report, forList });
    buildInto(forList, { fileName, ...readCommuneLayer(outcome.parsed) }, mode);
  } catch (error) {
    if (run !== generation) return;
    if (error instanceof ImportCancelledError || (error instanceof DOMException && error.name === 'AbortError')) return setStep({ kind: 'cancelled', fileName });
    setStep({ kind: 'done', report: failedReport(fileName, 'hamlets', problemFromError(fileName, error)) });
  }
}

/**
 * The communes step's answer: commune polygons from a file (with its companions, a MapInfo table's
 * .dat, .map, .id) or the current hamlet layer, into which the list's approximate hamlets are built.
 */
async function buildFromCommunes(source: { kind: 'file'; file: File; companions?: File[] } | { kind: 'layer'; label: string }, mode: 'replace' | 'add'): Promise<void> {
  const current = useImportStepStore.getState().step;
  if (current.kind !== 'communes') return;
  const forList = { job: current.job, reading: current.reading };
  if (source.kind === 'layer') return buildInto(forList, { fileName: source.label, communes: useDatasetStore.getState().hamlets, warnings: [] }, mode);
  const companions = source.companions ?? [];
  const refused = refuseBySize('hamlets', source.file.name, source.file.size + companions.reduce((sum, companion) => sum + companion.size, 0));
  if (refused) return setStep({ kind: 'done', report: refused });
  const communeJob: ImportJob = { kind: 'hamlets', file: source.file, fileName: source.file.name, ...(companions.length > 0 ? { companions: companions.map((companion) => ({ name: companion.name, file: companion })) } : {}) };
  await readCommuneFile(communeJob, forList, mode, false);
}

/** The import dialog's state machine: file → (column mapping) → parse in the worker → (review) → commit. */
export function useImportFlow(mode: 'replace' | 'add') {
  const step = useImportStepStore((state) => state.step);

  /** Starts an import: size check, the column-mapping step when a table's or a layer's columns are not all recognised, then the worker. */
  const start = useCallback(
    async (kind: ImportKind, file: File, companions: File[] = []) => {
      performance.mark('import-start');
      const refused = refuseBySize(kind, file.name, file.size + companions.reduce((sum, companion) => sum + companion.size, 0));
      if (refused) return setStep({ kind: 'done', report: refused });
      const job: ImportJob = { kind, file, fileName: file.name, ...(companions.length > 0 ? { companions: companions.map((companion) => ({ name: companion.name, file: companion })) } : {}) };
      // Hamlets as a table or as points: a hamlet list, built into approximate hamlets with commune polygons;
      // a table goes through the mapping step first when its header or columns are not all found.
      if (kind === 'hamlets' && companions.length === 0 && file.size <= INSPECT_LIMIT_BYTES) {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const format = detectGisFormat(file.name, bytes) === null ? detectInputFormat(file.name, bytes) : 'gis';
        if (format === 'csv' || format === 'xlsx') {
          const inspection = await inspectTable(file.name, bytes, {});
          if (inspection !== null && needsTableStep('hamlet-list', inspection)) return setStep({ kind: 'table', job, inspection, mapping: 'hamlet-list' });
        }
        const listed = await readListStep(job);
        if (listed !== null) return setStep(listed);
      }
      if (file.size > INSPECT_LIMIT_BYTES || kind === 'measurements') return run(job, mode);
      const bytes = new Uint8Array(await file.arrayBuffer());
      // GIS files (GeoPackage, MapInfo…) are GDAL's; their bytes may look like anything to core's detection.
      const format = detectGisFormat(file.name, bytes) === null ? detectInputFormat(file.name, bytes) : 'gis';
      if (format === 'csv' || format === 'xlsx') {
        if (kind !== 'hamlets') {
          const inspection = await inspectTable(file.name, bytes, {});
          if (inspection !== null && needsTableStep(kind, inspection)) return setStep({ kind: 'table', job, inspection, mapping: kind });
        }
        return kind === 'merger' ? setStep({ kind: 'done', report: await importMergerTable(job, mode) }) : run(job, mode);
      }
      if (kind === 'merger') return setStep({ kind: 'done', report: await importMergerTable(job, mode) });
      if (kind === 'hamlets' || kind === 'sites' || kind === 'fibre') {
        const headers = await inspectLayer(job, bytes);
        if (headers === null) return;
        if (headers.length > 0 && findMissingColumns(kind, headers, 'layer').length > 0) return setStep({ kind: 'table', job, inspection: { headers }, mapping: kind });
      }
      return run(job, mode);
    },
    [mode],
  );

  /** Reads the table again with the header row the user picked. */
  const pickHeaderRow = useCallback(async (headerRow: number) => {
    const current = useImportStepStore.getState().step;
    if (current.kind !== 'table') return;
    const bytes = new Uint8Array(await current.job.file.arrayBuffer());
    const inspection = await inspectTable(current.job.fileName, bytes, { headerRow, ...(current.inspection.sheet ? { sheet: current.inspection.sheet.name } : {}) });
    const latest = useImportStepStore.getState().step;
    if (inspection !== null && latest.kind === 'table' && latest.job === current.job) setStep({ kind: 'table', job: { ...current.job, headerRow }, inspection, mapping: current.mapping });
  }, []);

  /** Imports the table with the header row shown and the columns chosen (a layer: with the attributes chosen). */
  const applyTable = useCallback(
    async (columns: Record<string, string>) => {
      const current = useImportStepStore.getState().step;
      if (current.kind !== 'table') return;
      const sheet = current.inspection.sheet;
      const job: ImportJob = { ...current.job, ...(Object.keys(columns).length > 0 ? { columns } : {}), ...(sheet && current.job.headerRow !== undefined ? { sheet: sheet.name } : {}) };
      if (job.kind === 'merger') return setStep({ kind: 'done', report: await importMergerTable(job, mode) });
      if (current.mapping === 'hamlet-list') return setStep((await readListStep(job)) ?? { kind: 'done', report: failedReport(job.fileName, 'hamlets', { code: 'file-unreadable', params: {}, file: job.fileName }) });
      return run(job, mode);
    },
    [mode],
  );

  /** Parses the file again with another sheet or coordinate system, then (again) asks to confirm. */
  const reparse = useCallback(
    (patch: Pick<ImportJob, 'sheet' | 'crs'>) => {
      const current = useImportStepStore.getState().step;
      if (current.kind === 'review' && current.forList) void readCommuneFile({ ...current.job, ...patch }, current.forList, mode, true);
      else if (current.kind === 'review') void run({ ...current.job, ...patch }, mode, true);
      else if (current.kind === 'done' && current.sheetRetry) void run({ ...current.sheetRetry.job, ...patch }, mode, true);
    },
    [mode],
  );

  const confirm = useCallback(() => {
    const current = useImportStepStore.getState().step;
    if (current.kind !== 'review') return;
    if (current.forList) return buildInto(current.forList, { fileName: current.job.fileName, ...readCommuneLayer(current.parsed) }, mode);
    commitOrAsk(current.job, current.parsed, current.report, mode);
  }, [mode]);

  /** Adds the sites with the duplicates handled as chosen. */
  const applyDuplicates = useCallback((choice: DuplicateChoice) => {
    const current = useImportStepStore.getState().step;
    if (current.kind !== 'duplicates') return;
    const { btsRecords, actions } = useDatasetStore.getState();
    actions.importLayer('btsRecords', mergeSites(btsRecords, current.parsed.input.btsRecords ?? [], choice), 'replace');
    performance.mark('import-committed');
    setStep({ kind: 'done', report: { ...current.report, duplicates: { choice, count: current.duplicates.count } } });
  }, []);

  const cancel = useCallback(() => {
    const current = useImportStepStore.getState().step;
    const fileName = current.kind === 'busy' ? current.fileName : 'job' in current ? current.job.fileName : '';
    generation++;
    abort?.abort();
    if (current.kind === 'busy') cancelBytesParse();
    if (current.kind !== 'idle' && current.kind !== 'done') setStep({ kind: 'cancelled', fileName });
  }, []);

  const clear = useCallback(() => setStep({ kind: 'idle' }), []);

  /** The communes step's answer: commune polygons from a file or the current hamlet layer. */
  const applyCommunes = useCallback((source: Parameters<typeof buildFromCommunes>[0]) => void buildFromCommunes(source, mode), [mode]);

  /** "Analyse anyway" to the hamlet layer's question: on to the review or the import, its findings kept as warnings. */
  const acceptHamletLayer = useCallback(() => {
    const current = useImportStepStore.getState().step;
    if (current.kind !== 'hamlet-question') return;
    const job = { ...current.job, isLayerAccepted: true };
    const report = { ...current.report, warnings: [...current.findings, ...current.report.warnings] };
    if (needsReview(job, current.parsed, current.wasReviewing)) return setStep({ kind: 'review', job, parsed: current.parsed, report });
    commitOrAsk(job, current.parsed, report, mode);
  }, [mode]);

  return { step, start, pickHeaderRow, applyTable, reparse, confirm, applyDuplicates, cancel, clear, applyCommunes, acceptHamletLayer };
}
