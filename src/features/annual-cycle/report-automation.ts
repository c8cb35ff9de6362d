// For the report CLI only (`npm run report -- --maps`): with `#print-automation` in the URL, the page
// exposes `window.reportAutomation.renderMaps`, which draws the report's maps through the print layout
// from the layers the CLI handed to `window.printAutomation.load`. The renderer loads on the first call.
import type { UnitGrouping } from '../../print/print-content';

export interface ReportAutomation {
  /** The report's maps (`province`, then each unit of `groupings` by its key), each PNG as base64. */
  renderMaps(options: { groupings: UnitGrouping[]; dataDate: string }): Promise<{ key: string; base64: string }[]>;
}

declare global {
  interface Window {
    reportAutomation?: ReportAutomation;
    /** Set by the CLI to follow the maps' progress. */
    reportMapsProgress?: (fraction: number, maps: number) => void;
  }
}

/** The bytes as base64, through a data: URL (no string built byte by byte). */
function toBase64(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('cannot read the picture'));
    reader.readAsDataURL(new Blob([bytes.slice().buffer], { type: 'image/png' }));
  });
}

/** Installs `window.reportAutomation` when the page was opened for automation. */
export function startReportAutomation(): void {
  if (!window.location.hash.includes('print-automation')) return;
  window.reportAutomation = {
    async renderMaps(options) {
      const { renderReportMaps } = await import('./render-report-maps');
      const maps = await renderReportMaps({ ...options, onProgress: (fraction, maps) => window.reportMapsProgress?.(fraction, maps) });
      return Promise.all(maps.map(async (map) => ({ key: map.key, base64: await toBase64(map.png) })));
    },
  };
}
