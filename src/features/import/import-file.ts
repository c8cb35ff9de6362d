import type { FieldMapping, SkippedItem, Warning } from '../../core';
import { useDatasetStore, type DatasetLayerName } from '../../state/dataset-store';
import { parseMergerCsv } from '../../state/merger-table';
import { parseLayerInWorker } from '../../worker/client';
import type { ImportKind } from './column-mapping';

/** What the user sees after an import. */
export interface ImportReport {
  fileName: string;
  kind: ImportKind;
  rowsRead: number;
  rowsUsed: number;
  skipped: SkippedItem[];
  warnings: Warning[];
  error: string | null;
}

export function fileFormatOf(fileName: string): 'csv' | 'json' {
  return /\.(csv|tsv|txt)$/i.test(fileName) ? 'csv' : 'json';
}

function failed(fileName: string, kind: ImportKind, message: string): ImportReport {
  return { fileName, kind, rowsRead: 0, rowsUsed: 0, skipped: [], warnings: [], error: message };
}

const LAYER_OF: Record<Exclude<ImportKind, 'fibre'>, DatasetLayerName> = {
  hamlets: 'hamlets',
  sites: 'btsRecords',
  indicators: 'indicators',
  merger: 'merger',
};

/**
 * Parses a file (in the worker, except the small merger table) and puts its items into the dataset,
 * replacing the layer or adding to it. A file that yields no usable row changes nothing.
 */
export async function importFile(kind: ImportKind, fileName: string, text: string, mode: 'replace' | 'add', hamletFields?: FieldMapping): Promise<ImportReport> {
  const { importLayer } = useDatasetStore.getState().actions;
  if (kind === 'merger') {
    try {
      const result = parseMergerCsv(text, fileName);
      if (result.items.length > 0) importLayer('merger', result.items, mode);
      return { fileName, kind, rowsRead: result.rowsRead, rowsUsed: result.rowsUsed, skipped: result.skipped, warnings: result.warnings, error: null };
    } catch (error) {
      return failed(fileName, kind, error instanceof Error ? error.message : String(error));
    }
  }
  const parsed = await parseLayerInWorker({ kind, text, fileName, format: fileFormatOf(fileName), ...(hamletFields ? { hamletFields } : {}) });
  if (parsed.kind === 'error') return failed(fileName, kind, parsed.message);
  const { result } = parsed;
  const report: ImportReport = { fileName, kind, rowsRead: result.rowsRead, rowsUsed: result.rowsUsed, skipped: result.skipped, warnings: result.warnings, error: null };
  if (parsed.kind === 'fibre') {
    const routes = parsed.routes;
    if (result.items.length > 0 || routes.items.length > 0) {
      importLayer('fibrePoints', parsed.result.items, mode);
      importLayer('fibreRoutes', routes.items, mode);
    }
    return { ...report, rowsRead: report.rowsRead + routes.rowsRead, rowsUsed: report.rowsUsed + routes.rowsUsed, skipped: [...report.skipped, ...routes.skipped], warnings: [...report.warnings, ...routes.warnings] };
  }
  if (result.items.length > 0) importLayer(LAYER_OF[parsed.kind], result.items as never, mode);
  return report;
}
