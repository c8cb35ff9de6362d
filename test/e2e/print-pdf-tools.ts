// Reads the PDFs and PNGs the print specs produce with poppler-utils (pdfinfo, pdftotext, pdfimages,
// pdftoppm; installed by .ci/run) and compares page pictures with pngjs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';

export interface PdfInfo {
  pages: number;
  /** Page sizes in millimetres, rounded to 0.1. */
  pageSizesMm: [number, number][];
}

export function readPdfInfo(file: string): PdfInfo {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1] ?? 0);
  const detail = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), file], { encoding: 'utf8' });
  const pageSizesMm = [...detail.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map(
    (match) => [Math.round((Number(match[1]) / 72) * 254) / 10, Math.round((Number(match[2]) / 72) * 254) / 10] as [number, number],
  );
  return { pages, pageSizesMm };
}

/** The PDF's text layer (all pages, or one), as pdftotext reads it. */
export function readPdfText(file: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return execFileSync('pdftotext', [...range, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

export interface PdfImage {
  page: number;
  width: number;
  height: number;
  encoding: string;
  xPpi: number;
  yPpi: number;
}

/** Every image drawn in the PDF with its resolution on the page (`pdfimages -list`). */
export function listPdfImages(file: string): PdfImage[] {
  const lines = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').slice(2);
  return lines
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 14 && cells[2] === 'image')
    .map((cells) => ({ page: Number(cells[0]), width: Number(cells[3]), height: Number(cells[4]), encoding: cells[8], xPpi: Number(cells[12]), yPpi: Number(cells[13]) }));
}

/** One PDF page rasterised by pdftoppm at `dpi`. */
export function rasterizePdfPage(file: string, page: number, dpi: number): PNG {
  const dir = mkdtempSync(path.join(tmpdir(), 'print-page-'));
  try {
    const base = path.join(dir, 'page');
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', file, base]);
    return PNG.sync.read(readFileSync(`${base}.png`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Share of pixels whose colour differs from the golden by more than 48 (sum of the three channel
 * differences, 0–765), on the whole page and in its worst `tile` × `tile` square: a missing block
 * (a legend, a scale bar) is a few per cent of a page but most of the tiles it covered. 1 when the sizes differ.
 */
export function compareTiles(actual: PNG, golden: PNG, tile = 16): { page: number; worstTile: number } {
  if (actual.width !== golden.width || actual.height !== golden.height) return { page: 1, worstTile: 1 };
  let differing = 0;
  let worstTile = 0;
  for (let ty = 0; ty < actual.height; ty += tile) {
    for (let tx = 0; tx < actual.width; tx += tile) {
      let tileDiffering = 0;
      let tilePixels = 0;
      for (let y = ty; y < Math.min(ty + tile, actual.height); y++) {
        for (let x = tx; x < Math.min(tx + tile, actual.width); x++) {
          const i = (y * actual.width + x) * 4;
          const difference = Math.abs(actual.data[i] - golden.data[i]) + Math.abs(actual.data[i + 1] - golden.data[i + 1]) + Math.abs(actual.data[i + 2] - golden.data[i + 2]);
          tilePixels++;
          if (difference > 48) tileDiffering++;
        }
      }
      differing += tileDiffering;
      worstTile = Math.max(worstTile, tileDiffering / tilePixels);
    }
  }
  return { page: differing / (actual.width * actual.height), worstTile };
}

/** Fonts of the PDF with whether each is embedded and has a Unicode map (`pdffonts`). */
export function listPdfFonts(file: string): { name: string; isEmbedded: boolean; hasUnicode: boolean }[] {
  return execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .map((line) => line.trim().split(/\s+/))
    .filter((cells) => cells.length >= 7)
    .map((cells) => ({ name: cells[0], isEmbedded: cells.at(-5) === 'yes', hasUnicode: cells.at(-3) === 'yes' }));
}
