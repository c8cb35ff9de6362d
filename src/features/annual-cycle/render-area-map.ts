// The report's map: the first page of the print layout for the whole area, as a PNG — the same
// picture the print dialog's "Xuất PNG" gives (and the CLI takes with --map province=FILE.png).
import { buildPrintRequest } from '../print/start-print';
import { usePrintStore } from '../print/print-store';

/** Renders the whole-area print page (A4 landscape, the current layer) at 150 dpi. */
export async function renderAreaMapPng(): Promise<Uint8Array> {
  const request = buildPrintRequest({ ...usePrintStore.getState().settings, paper: 'A4', orientation: 'landscape', extent: 'province', atlas: '', unitKey: '' });
  const [{ runPrintJob }, { renderPagePng }] = await Promise.all([import('../../print/run-print-job'), import('../../print/render-canvas')]);
  const output = await runPrintJob(request, () => undefined);
  const blob = await renderPagePng(output.pages[0], 150, output.blobs);
  return new Uint8Array(await blob.arrayBuffer());
}
