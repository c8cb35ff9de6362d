// Times the archive readers on hostile archives at the default inflate budget and reports the peak
// memory: the report's cases (a 3 MB KMZ of three 1,000 MiB entries, a 400 KB .xlsx holding one 400 MB
// string), both with headers that understate their size so nothing is refused before inflating.
//   npx tsx scripts/check-archive-budget.ts
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { readKmz } from '../src/core/io/formats/read-kml';
import { readXlsxTable } from '../src/core/io/formats/read-xlsx-table';
import { filledParts, textPart, writeHostileZip } from '../test/helpers/hostile-zip';

const MIB = 1024 * 1024;

async function time(label: string, bytes: Uint8Array, run: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  let outcome = 'read';
  try {
    await run();
  } catch (error) {
    outcome = `refused: ${(error as Error).message.slice(0, 90)}`;
  }
  console.log(`${label}: ${(bytes.length / 1024).toFixed(0)} KB, ${((performance.now() - start) / 1000).toFixed(2)} s, ${outcome}`);
}

const kmz = writeHostileZip(['doc.kml', 'b.kml', 'c.kml'].map((name) => ({ name, parts: filledParts(1000 * MIB), statedBytes: 1000 })));
await time('KMZ, three 1,000 MiB entries', kmz, () => readKmz(kmz, 'bom.kmz'));
const workbook = unzipSync(new Uint8Array(readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/parseInputBytes/in/fibre-xlsx.xlsx'))));
const strings = [textPart('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>'), ...filledParts(400 * 1000 * 1000, 0x41), textPart('</t></si></sst>')];
const xlsx = writeHostileZip(Object.entries(workbook).map(([name, bytes]) => (name === 'xl/sharedStrings.xml' ? { name, parts: strings, statedBytes: 1000 } : { name, parts: [{ bytes }] })));
await time('.xlsx, one 400 MB string', xlsx, () => readXlsxTable(xlsx, 'tram.xlsx'));
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; load average ${(await import('node:os')).loadavg().map((value) => value.toFixed(1)).join(' ')}`);
