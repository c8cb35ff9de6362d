import type { Hamlet, HamletResult, LayerName } from '../../core';
import { formatHamletsCsv, formatHamletsGeoJson } from '../../core';

/** The listed hamlets as CSV, with a byte-order mark so spreadsheet programs show Vietnamese names. */
export function buildHamletCsv(results: HamletResult[]): string {
  return `\ufeff${formatHamletsCsv(results)}\n`;
}

/** The listed hamlets as GeoJSON: input geometry with results, coloured by `layer`. */
export function buildHamletGeoJson(results: HamletResult[], hamlets: Hamlet[], layer: LayerName) {
  return formatHamletsGeoJson({ hamlets }, results, layer);
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
