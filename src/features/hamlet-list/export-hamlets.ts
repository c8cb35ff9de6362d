import type { Hamlet, HamletResult, LayerName } from '../../core';
import { formatHamletsCsv, formatHamletsGeoJson } from '../../core';
import { DEMO_FILE_NOTE } from '../../i18n/messages-demo';

/** The listed hamlets as CSV, with a byte-order mark so spreadsheet programs show Vietnamese names. */
export function buildHamletCsv(results: HamletResult[]): string {
  return `\ufeff${formatHamletsCsv(results)}\n`;
}

/** The listed hamlets as GeoJSON: input geometry with results, coloured by `layer` (demo data: `demo` and `note`). */
export function buildHamletGeoJson(results: HamletResult[], hamlets: Hamlet[], layer: LayerName, isDemo = false) {
  return { ...formatHamletsGeoJson({ hamlets, demo: isDemo }, results, layer), ...(isDemo ? { note: DEMO_FILE_NOTE } : {}) };
}

/** Starts a download of `content` as a file (Blob URL, so nothing leaves the page). */
export function downloadText(content: string, fileName: string, mimeType: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
