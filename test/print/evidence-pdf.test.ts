// The field evidence on paper, written in Node by the app's own print job on the demo data: the
// challenged hexagons of the demo drive log (numbered on the map, listed beside it with their tests)
// and the mobile layer on H3 hexagons, read back with poppler (pdftotext, pdftoppm).
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeMeasurements, computeH3View, createSeededRandom, DEFAULT_MEASUREMENT_OPTIONS, NEW_COMMUNE_FIELD, parseMeasurementBytes, type ChallengeHex } from '../../src/core';
import { computePageFrames } from '../../src/print/layout-page';
import { countMapColor } from '../helpers/map-pixels';
import type { PrintRequest } from '../../src/print/build-print-pages';
import { rasterizePdfPage, readPdfText } from '../e2e/print-pdf-tools';
import { demoPrintRequest, loadDemoAnalysis, writeDemoPdf } from '../helpers/print-demo';

const DRIVE_LOG = path.resolve(import.meta.dirname, '../fixtures/measurements/gnettrack-demo.txt');
/** The print's challenge colours, written out here (not read from the app). */
const FALSE_COVERED_RGB = [0x8e, 0x01, 0x52];
const FALSE_UNCOVERED_RGB = [0x2d, 0x00, 0x4b];
const COVERED_RGB = [0x00, 0x72, 0xb2];
const NONE_RGB = [0xd5, 0x5e, 0x00];

/** A hexagon in Mỹ Xuyên, south-west of the drive log. */
const OTHER_H3 = latLngToCell(9.53, 105.93, 8);

let dir: string;
let challenges: ChallengeHex[];
const files = new Map<string, string>();

async function writePdf(name: string, request: PrintRequest): Promise<string> {
  const file = path.join(dir, `${name}.pdf`);
  writeFileSync(file, (await writeDemoPdf(request)).bytes);
  files.set(name, file);
  return file;
}

function mapFrameText(file: string): string {
  const { map } = computePageFrames('A4', 'landscape');
  const pt = 72 / 25.4;
  const crop = ['-x', String(Math.ceil(map.x * pt)), '-y', String(Math.ceil(map.y * pt)), '-W', String(Math.floor(map.width * pt)), '-H', String(Math.floor(map.height * pt))];
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', ...crop, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}


/** A made-up challenge of the other kind, south of the drive log, so both kinds are on the page. */
function otherKind(h3: string): ChallengeHex {
  return { h3, operator: 'VinaPhone', technology: '4G', tests: 14, contradicting: 11, kind: 'false-uncovered', hoursSpanned: 30, firstMs: Date.UTC(2025, 2, 1), lastMs: Date.UTC(2025, 2, 2, 6) };
}

describe('printed field evidence', () => {
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'evidence-print-'));
    const { analysis, report } = loadDemoAnalysis();
    const parsed = await parseMeasurementBytes('gnettrack-demo.txt', new Uint8Array(readFileSync(DRIVE_LOG)));
    const evidence = analyzeMeasurements({ analysis, report, groupBy: ['district', 'commune', NEW_COMMUNE_FIELD], set: parsed.set, options: DEFAULT_MEASUREMENT_OPTIONS, random: createSeededRandom(1), skipped: 0 });
    challenges = [...evidence.measurements.challenges, otherKind(OTHER_H3)];
    await writePdf('challenges', demoPrintRequest({ title: 'Ô cần phản ánh', evidence: { kind: 'challenges', challenges } }));
    const view = computeH3View(analysis, 8);
    const at = view.layerKeys.findIndex((key) => key.layer === 'mobile' && key.operator === null);
    const cells = view.cells.map((h3, c) => ({ h3, coveredShare: view.fractions[c * view.layerKeys.length + at] }));
    await writePdf('h3-view', demoPrintRequest({ title: 'Lưới H3', evidence: { kind: 'h3View', resolution: 8, cells } }));
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every challenged hexagon beside the map with its tests, and numbers it on the map', () => {
    expect(challenges.length).toBeGreaterThanOrEqual(2);
    const file = files.get('challenges')!;
    const text = readPdfText(file, 1).replace(/\s+/g, ' ');
    expect(text).toContain(`Ô cần phản ánh với nhà mạng (${challenges.length})`);
    const first = challenges[0];
    expect(first.kind).toBe('false-covered');
    expect(text).toContain(`1. ${first.h3} — ${first.operator} ${first.technology} ${first.contradicting}/${first.tests} lượt đo trái dự báo (Báo phủ, không có sóng)`);
    expect(text).toContain(`2. ${OTHER_H3} — VinaPhone 4G 11/14 lượt đo trái dự báo (Báo chưa phủ, có sóng)`);
    expect(text).not.toContain('…');
    // The legend names both kinds and the numbers, and the subtitle the resolution.
    expect(text).toContain('Ô báo phủ nhưng đo kiểm không có sóng');
    expect(text).toContain('Ô báo chưa phủ nhưng đo kiểm có sóng');
    expect(text).toContain(`Số của ô cần phản ánh (${challenges.length}), như trong danh sách`);
    expect(text).toContain('Ô lục giác H3 cấp 8');
    // No uncovered-hamlet list on an evidence page.
    expect(text).not.toContain('Ấp, khóm chưa được phủ');
    const numbers = mapFrameText(file).split(/\s+/).filter((word) => /^\d+$/.test(word)).map(Number).sort((a, b) => a - b);
    expect(numbers).toEqual(challenges.map((_, i) => i + 1));
  });

  it('draws the challenged hexagons in their colours where they lie', () => {
    const dpi = 300;
    const page = rasterizePdfPage(files.get('challenges')!, 1, dpi);
    // The outlines are drawn in full colour (the fill is faint): a few dozen pixels each at this scale.
    expect(countMapColor(page, dpi, FALSE_COVERED_RGB, 60)).toBeGreaterThan(15);
    expect(countMapColor(page, dpi, FALSE_UNCOVERED_RGB, 60)).toBeGreaterThan(15);
    const plain = rasterizePdfPage(files.get('h3-view')!, 1, dpi);
    expect(countMapColor(plain, dpi, FALSE_COVERED_RGB, 60)).toBe(0);
  });

  it('prints the layer on H3 hexagons with the classes of its covered share', () => {
    const file = files.get('h3-view')!;
    const text = readPdfText(file, 1).replace(/\s+/g, ' ');
    expect(text).toContain('Ô H3: Được phủ (≥ 50 % diện tích)');
    expect(text).toContain('Ô H3: Phủ một phần');
    expect(text).toContain('Ô H3: Chưa phủ (0 %)');
    // The hamlet classes are not in the legend: the hexagons are drawn in their place.
    expect(text).not.toMatch(/(?<!H3: )Được phủ \(≥ 50 % diện tích\)/);
    expect(text).toContain('Ô lục giác H3 cấp 8');
    const page = rasterizePdfPage(file, 1, 100);
    expect(countMapColor(page, 100, COVERED_RGB, 120)).toBeGreaterThan(1000);
    expect(countMapColor(page, 100, NONE_RGB, 120)).toBeGreaterThan(100);
  });
});
