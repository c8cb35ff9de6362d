// Reads a .docx back the way a reader sees it: every table as rows of cell texts, and the body's
// paragraphs, straight from word/document.xml (fflate + xmldom, independent of the writer); and, where
// python3-docx is installed, the same tables through that library.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function textOf(element: Element): string {
  const paragraphs = Array.from(element.getElementsByTagNameNS(W, 'p'));
  return paragraphs
    .map((paragraph) => Array.from(paragraph.getElementsByTagNameNS(W, 't')).map((node) => node.textContent ?? '').join(''))
    .join('\n')
    .trim();
}

/** The document's parts: every table (rows of cell texts, nested tables flattened into their cell), the paragraphs' texts, and the file names in the package. */
export function readDocx(bytes: Uint8Array): { tables: string[][][]; paragraphs: string[]; files: string[]; documentXml: string; xml: (name: string) => string } {
  const files = unzipSync(bytes);
  const documentXml = strFromU8(files['word/document.xml']);
  const document = new DOMParser().parseFromString(documentXml, 'text/xml');
  const tables = Array.from(document.getElementsByTagNameNS(W, 'tbl')).map((table) =>
    Array.from(table.childNodes)
      .filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === 'tr')
      .map((row) => Array.from(row.childNodes).filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === 'tc').map(textOf)),
  );
  const body = document.getElementsByTagNameNS(W, 'body')[0];
  const paragraphs = Array.from(body.getElementsByTagNameNS(W, 'p')).map((paragraph) => Array.from(paragraph.getElementsByTagNameNS(W, 't')).map((node) => node.textContent ?? '').join(''));
  return { tables, paragraphs, files: Object.keys(files), documentXml, xml: (name) => strFromU8(files[name]) };
}

/** Debian's python with python3-docx, when installed. */
export const PYTHON_DOCX = ['/usr/bin/python3'].find((python) => existsSync(python) && spawnSync(python, ['-c', 'import docx'], { encoding: 'utf8' }).status === 0);

/** The document's top-level tables as python-docx reads them (cell texts, paragraphs joined by newlines). */
export function readDocxTablesWithPython(path: string): string[][][] {
  if (!PYTHON_DOCX) throw new Error('python3-docx is not installed');
  const script = `import docx, json, sys
document = docx.Document(sys.argv[1])
print(json.dumps([[[cell.text.strip() for cell in row.cells] for row in table.rows] for table in document.tables], ensure_ascii=False))`;
  const result = spawnSync(PYTHON_DOCX, ['-c', script, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as string[][][];
}

/**
 * A number as the Vietnamese report writes it: `319.732` → 319732, `93,8 %` → 93.8, `52,3 Mbit/s` → 52.3,
 * `—` → null.
 */
export function parseVietnameseNumber(text: string): number | null {
  const cleaned = text.replace(/[\s\u00a0]/g, '').replace(/%|Mbit\/s/g, '').replace(/^[≥>]/, '');
  if (cleaned === '—' || cleaned === '') return null;
  const value = Number(cleaned.replace(/\./g, '').replace(',', '.'));
  if (!Number.isFinite(value)) throw new Error(`not a number: "${text}"`);
  return value;
}

/** A picture placed in the document's text, as a reader finds it: its alt-text name, content type, pixel size and bytes. */
export interface DocxPicture {
  name: string;
  contentType: string;
  widthPx: number;
  heightPx: number;
  bytes: number;
  sha1: string;
}

/**
 * The document's inline pictures, in order, read by python-docx (`inline_shapes`, each blip's image
 * part: content type and pixel size from the image header) — a library independent of the writer.
 */
export function readDocxPicturesWithPython(path: string): DocxPicture[] {
  if (!PYTHON_DOCX) throw new Error('python3-docx is not installed');
  const script = `import docx, hashlib, json, sys
from docx.oxml.ns import qn
document = docx.Document(sys.argv[1])
pictures = []
for shape in document.inline_shapes:
    inline = shape._inline
    blip = inline.find('.//' + qn('a:blip'))
    image = document.part.related_parts[blip.get(qn('r:embed'))].image
    pictures.append({'name': inline.docPr.get('name'), 'contentType': image.content_type, 'widthPx': image.px_width, 'heightPx': image.px_height, 'bytes': len(image.blob), 'sha1': hashlib.sha1(image.blob).hexdigest()})
print(json.dumps(pictures, ensure_ascii=False))`;
  const result = spawnSync(PYTHON_DOCX, ['-c', script, path], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as DocxPicture[];
}
