// `npm run bench:print [-- --out DIR] [-- --runs N]`: the print job on the demo dataset in Node, the
// same code the app's "Xuất PDF" runs (layout, vector map, PDF written page by page), timed from the
// analysed data to the PDF's bytes. Prints one JSON line per case: median and all times, pages, bytes,
// and the heap while the pages stream (the atlas is never held whole).
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildPrintPages, type PrintRequest } from '../src/print/build-print-pages';
import { createPdfWriter } from '../src/print/render-pdf';
import { demoPrintRequest, loadDemoAnalysis, PRINT_FONT_BYTES, printMeasure } from '../test/helpers/print-demo';

const { values } = parseArgs({ options: { out: { type: 'string' }, runs: { type: 'string' } } });
const outDir = values.out ?? path.join(tmpdir(), 'print-bench');
const runs = Math.max(1, Number(values.runs ?? 3));
mkdirSync(outDir, { recursive: true });

async function printOnce(request: PrintRequest): Promise<{ ms: number; bytes: Uint8Array; pages: number; peakHeapMB: number }> {
  const started = performance.now();
  let peakHeap = 0;
  const writer = await createPdfWriter(PRINT_FONT_BYTES, { title: request.title, subject: 'Phủ sóng số', language: 'vi-VN', createdAt: request.printDate });
  const pages = await buildPrintPages(request, {
    measure: printMeasure,
    async onPage(page, images) {
      await writer.addPage(page, images);
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
    },
  });
  const bytes = await writer.save();
  return { ms: performance.now() - started, bytes, pages, peakHeapMB: Math.round(peakHeap / 1e5) / 10 };
}

const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const analysisStarted = performance.now();
loadDemoAnalysis();
console.error(`demo analysed in ${Math.round(performance.now() - analysisStarted)} ms (not counted: the app prints an analysis it has)`);
await printOnce(demoPrintRequest());

const cases: { name: string; request: PrintRequest; limitMs: number }[] = [
  { name: 'a3-landscape-province', request: demoPrintRequest({ paper: 'A3' }), limitMs: 3000 },
  { name: 'atlas-district-a4', request: demoPrintRequest({ atlas: 'district' }), limitMs: 15000 },
  { name: 'atlas-commune-a4', request: demoPrintRequest({ atlas: 'commune' }), limitMs: 60000 },
];
for (const { name, request, limitMs } of cases) {
  const times: number[] = [];
  let last: Awaited<ReturnType<typeof printOnce>> | null = null;
  for (let run = 0; run < runs; run++) {
    last = await printOnce(request);
    times.push(Math.round(last.ms));
  }
  const file = path.join(outDir, `${name}.pdf`);
  writeFileSync(file, last!.bytes);
  const result = { case: name, medianMs: median(times), timesMs: times, limitMs, pages: last!.pages, bytes: last!.bytes.length, peakHeapMB: last!.peakHeapMB, load1m: Math.round(loadavg()[0] * 100) / 100, file };
  console.log(JSON.stringify(result));
}
console.error(`max RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
