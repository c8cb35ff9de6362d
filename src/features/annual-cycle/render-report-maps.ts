// The report's maps: pages of the print layout as PNGs (the same page "Xuất PNG" gives), one for the
// whole area and, when asked, one per unit of a grouping (the atlas's map pages, without the pages that
// only continue a unit's list of hamlets), each drawn as it is laid out. The print job and the page
// renderer load on first use.
import type { ReportImage } from '../../print/annual-report/write-report-docx';
import { findReportUnit, hamletsBounds, reportUnits, type UnitGrouping } from '../../print/print-content';
import type { PrintRequest } from '../../print/run-print-job';
import { usePrintStore } from '../print/print-store';
import { buildPrintRequest } from '../print/start-print';

/** Dots per inch of a report map: an A4 landscape page is 1,403 × 992 px (about 140 dpi at the text width of a landscape page). */
export const REPORT_MAP_DPI = 120;

export interface ReportMapsOptions {
  /** One map per unit of each of these groupings, after the whole area's. */
  groupings: UnitGrouping[];
  /** The data date printed on the maps (the date the report's figures stand for). */
  dataDate: string;
  dpi?: number;
  /** How far the maps are (0–1: each map's layout, then its PNG), and how many there are. */
  onProgress?(fraction: number, maps: number): void;
  signal?: AbortSignal;
}

/**
 * The unit keys of an atlas's map pages, in page order: units whose hamlets have a shape, in GSO code
 * order (the atlas's default order, `atlasOrder` unset), as the print job orders them.
 */
function atlasUnitKeys(request: PrintRequest, grouping: UnitGrouping): string[] {
  const collator = new Intl.Collator(request.locale === 'vi' ? 'vi' : 'en', { numeric: true });
  const rows = [...reportUnits(request.report, grouping)].sort((a, b) => collator.compare(a.code ?? a.key, b.code ?? b.key));
  return rows.flatMap((row) => {
    const unit = findReportUnit(request.report, grouping, row.key);
    if (!('row' in unit)) return [];
    return hamletsBounds(request.hamlets.filter((hamlet) => unit.hamletIds.has(hamlet.id))) ? [row.key] : [];
  });
}

/**
 * Renders the report's maps from the current analysis through the print layout (A4 landscape, the
 * layer shown, the operator filter in force): `province` first, then each unit by its key.
 * @throws AbortError when `signal` is aborted between two maps
 */
export async function renderReportMaps(options: ReportMapsOptions): Promise<ReportImage[]> {
  const dpi = options.dpi ?? REPORT_MAP_DPI;
  // The layer's own title and the report's date, whatever the print dialog was last set to.
  const settings = { ...usePrintStore.getState().settings, paper: 'A4' as const, orientation: 'landscape' as const, extent: 'province' as const, unitKey: '', title: '', dataDate: options.dataDate, evidence: '' as const };
  const [{ runPrintJob }, { renderPagePng }] = await Promise.all([import('../../print/run-print-job'), import('../../print/render-canvas')]);
  const jobs = [{ key: null, request: buildPrintRequest({ ...settings, atlas: '' }) }, ...options.groupings.map((grouping) => ({ key: grouping, request: buildPrintRequest({ ...settings, atlas: grouping }) }))];
  const keysOf = jobs.map((job) => (job.key === null ? ['province'] : atlasUnitKeys(job.request, job.key)));
  const total = keysOf.reduce((sum, keys) => sum + keys.length, 0);
  // Two steps a map: its print layout, then the page as a PNG.
  let steps = 0;
  const progress = () => options.onProgress?.(steps / (2 * total), total);
  progress();
  const maps: ReportImage[] = [];
  for (const [index, job] of jobs.entries()) {
    const keys = keysOf[index];
    // Pages come in order: an atlas's cover, overview and contents, then progress 0, then each unit's
    // pages and progress after it. The first page after "done = i" is unit i's map page; the pages
    // after it only continue its list of hamlets.
    let unit = 0;
    let isMapPageNext = false;
    let drawn = 0;
    await runPrintJob(
      job.request,
      (done) => {
        if (done > 0) steps += 1;
        unit = done;
        isMapPageNext = true;
        progress();
      },
      options.signal,
      {
        keepPages: 'first',
        async onPage(page, images) {
          if (!isMapPageNext) return;
          isMapPageNext = false;
          const key = keys[unit];
          if (key === undefined) throw new Error(`print layout: more map pages than the ${keys.length} units of ${job.key ?? 'the whole area'}`);
          const blobs = new Map([...images].map(([id, image]) => [id, new Blob([image.bytes.slice().buffer], { type: image.mimeType })]));
          const png = await renderPagePng(page, dpi, blobs);
          maps.push({ key, png: new Uint8Array(await png.arrayBuffer()) });
          drawn += 1;
          steps += 1;
          progress();
        },
      },
    );
    // One map page per unit, in the engine's unit order: any other count is a bug, not a picture to guess.
    if (drawn !== keys.length) throw new Error(`print layout: ${drawn} map pages for ${keys.length} units of ${job.key ?? 'the whole area'}`);
  }
  return maps;
}
