// Reference layers on paper, written in Node by the app's own print job on the demo data: a
// neighbouring-province GeoJSON and a river Shapefile in VN-2000 (made with ogr2ogr) drawn under the
// coverage and labelled, read back with poppler (pdftotext, pdftoppm).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReferenceBytes, type ReferenceLayer } from '../../src/core';
import { countMapColor } from '../helpers/map-pixels';
import { rasterizePdfPage, readPdfText } from '../e2e/print-pdf-tools';
import { demoPrintRequest, writeDemoPdf } from '../helpers/print-demo';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/reference');
/** The reference colours, written out here: pale warm grey areas, blue-grey lines. */
const AREA_RGB = [0xe3, 0xde, 0xd4];
const LINE_RGB = [0x5b, 0x7f, 0x9e];

let dir: string;
const files = new Map<string, string>();

async function layerOf(file: string, id: string): Promise<ReferenceLayer> {
  const parsed = await parseReferenceBytes(file, new Uint8Array(readFileSync(path.join(FIXTURES, file))));
  return { id, fileName: parsed.fileName, attributes: parsed.attributes, labelAttribute: parsed.labelAttribute, features: parsed.features };
}


describe('printed reference layers', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'reference-print-'));
    const layers = [await layerOf('tinh-lan-can.geojson', 'reference-1'), await layerOf('song-kenh-vn2000.zip', 'reference-2')];
    for (const [name, request] of [
      ['with', demoPrintRequest({ referenceLayers: layers })],
      ['without', demoPrintRequest()],
    ] as const) {
      const file = path.join(dir, `${name}.pdf`);
      writeFileSync(file, (await writeDemoPdf(request)).bytes);
      files.set(name, file);
    }
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('labels the neighbouring provinces and the rivers on the map, and names both layers in the legend', () => {
    const text = readPdfText(files.get('with')!, 1).replace(/\s+/g, ' ');
    for (const name of ['Tỉnh Bạc Liêu', 'Tỉnh Trà Vinh', 'Tỉnh Hậu Giang', 'Sông Hậu']) expect(text).toContain(name);
    expect(text).toContain('Vùng tham chiếu: tinh-lan-can');
    expect(text).toContain('Đường tham chiếu: song-kenh-vn2000');
    expect(readPdfText(files.get('without')!, 1)).not.toContain('tham chiếu');
  });

  it('draws the areas and lines in their colours (far more of them than on the page without the layers)', () => {
    const dpi = 60;
    const withLayers = rasterizePdfPage(files.get('with')!, 1, dpi);
    const without = rasterizePdfPage(files.get('without')!, 1, dpi);
    // Bạc Liêu and Trà Vinh lie outside the province: their fill shows beside the hamlets.
    // (A few antialiased pixels of other edges come near that grey on any page.)
    expect(countMapColor(without, dpi, AREA_RGB, 24)).toBeLessThan(500);
    expect(countMapColor(withLayers, dpi, AREA_RGB, 24) - countMapColor(without, dpi, AREA_RGB, 24)).toBeGreaterThan(3000);
    // The lines are thin (1.4 px): counted at a finer resolution, against the page without them.
    const fine = rasterizePdfPage(files.get('with')!, 1, 150);
    const fineWithout = rasterizePdfPage(files.get('without')!, 1, 150);
    expect(countMapColor(fine, 150, LINE_RGB, 40) - countMapColor(fineWithout, 150, LINE_RGB, 40)).toBeGreaterThan(300);
  });
});
