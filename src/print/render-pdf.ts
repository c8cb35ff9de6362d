import fontkit from '@pdf-lib/fontkit';
import { strToU8, zlibSync } from 'fflate';
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import { drawObject, LineCapStyle, PDFDocument, popGraphicsState, pushGraphicsState, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { POINTS_PER_MM } from './paper-sizes';
import { opacityName, VectorContent } from './pdf-vector';
import type { PrintImage, PrintItem, PrintPage } from './print-page';

function color(hex: string) {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return rgb(((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255);
}

export interface PdfMetadata {
  title: string;
  subject: string;
  language: string;
  /** The print date (the one place the UI's clock is used). */
  createdAt: Date;
}

interface Faces {
  regular: PDFFont;
  bold: PDFFont;
  outlines: { regular: FontkitFont; bold: FontkitFont };
}

type TextItem = Extract<PrintItem, { type: 'text' }>;

function drawText(page: PDFPage, item: TextItem, heightMm: number, fonts: Faces): void {
  const font = item.isBold ? fonts.bold : fonts.regular;
  const width = font.widthOfTextAtSize(item.text, item.sizePt);
  const shift = item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0;
  page.drawText(item.text, { x: item.x * POINTS_PER_MM - shift, y: (heightMm - item.y) * POINTS_PER_MM, size: item.sizePt, font, color: color(item.color) });
}

function drawItem(page: PDFPage, item: PrintItem, heightMm: number, fonts: Faces, images: Map<string, PDFImage>): void {
  const x = (mm: number) => mm * POINTS_PER_MM;
  const y = (mm: number) => (heightMm - mm) * POINTS_PER_MM;
  switch (item.type) {
    case 'text':
      drawText(page, item, heightMm, fonts);
      return;
    case 'rect':
      page.drawRectangle({
        x: x(item.x),
        y: y(item.y + item.height),
        width: item.width * POINTS_PER_MM,
        height: item.height * POINTS_PER_MM,
        ...(item.fill ? { color: color(item.fill) } : {}),
        ...(item.stroke ? { borderColor: color(item.stroke), borderWidth: item.strokeWidthMm * POINTS_PER_MM } : { borderWidth: 0 }),
      });
      return;
    case 'circle':
      page.drawCircle({
        x: x(item.cx),
        y: y(item.cy),
        size: item.r * POINTS_PER_MM,
        ...(item.fill ? { color: color(item.fill) } : {}),
        ...(item.stroke ? { borderColor: color(item.stroke), borderWidth: item.strokeWidthMm * POINTS_PER_MM } : { borderWidth: 0 }),
      });
      return;
    case 'line':
      page.drawLine({
        start: { x: x(item.x1), y: y(item.y1) },
        end: { x: x(item.x2), y: y(item.y2) },
        thickness: item.widthMm * POINTS_PER_MM,
        color: color(item.stroke),
        lineCap: LineCapStyle.Butt,
        ...(item.dashMm ? { dashArray: item.dashMm.map((mm) => mm * POINTS_PER_MM) } : {}),
      });
      return;
    case 'polygon': {
      // SVG path in PDF points, drawn from the page's top-left (drawSvgPath flips y itself).
      const path = item.points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${x(px)},${py * POINTS_PER_MM}`).join(' ') + ' Z';
      page.drawSvgPath(path, { x: 0, y: heightMm * POINTS_PER_MM, color: color(item.fill), ...(item.stroke ? { borderColor: color(item.stroke), borderWidth: item.strokeWidthMm * POINTS_PER_MM } : {}) });
      return;
    }
    case 'image': {
      const image = images.get(item.imageId);
      if (image) page.drawImage(image, { x: x(item.x), y: y(item.y + item.height), width: item.width * POINTS_PER_MM, height: item.height * POINTS_PER_MM });
      return;
    }
    case 'path':
    case 'group':
      throw new Error(`${item.type} items are drawn by drawGroup`);
  }
}

/**
 * A map frame: its shapes as compressed form XObjects clipped to the frame (split only around a
 * basemap picture), the halos of its labels last among them, then the labels as real text on top.
 */
function drawGroup(document: PDFDocument, page: PDFPage, group: Extract<PrintItem, { type: 'group' }>, heightMm: number, fonts: Faces, images: Map<string, PDFImage>, counter: { next: number }): void {
  const content = new VectorContent(heightMm);
  const bbox = [group.clip.x * POINTS_PER_MM, (heightMm - group.clip.y - group.clip.height) * POINTS_PER_MM, (group.clip.x + group.clip.width) * POINTS_PER_MM, (heightMm - group.clip.y) * POINTS_PER_MM];
  const flush = () => {
    if (content.isEmpty) return;
    const text = content.take();
    const extGState: Record<string, { Type: string; ca: number; CA: number }> = {};
    for (const opacity of content.opacities) extGState[opacityName(opacity)] = { Type: 'ExtGState', ca: opacity, CA: opacity };
    content.opacities.clear();
    // fflate at a low level: a fifth of the time of pdf-lib's own deflate, and the map's numbers compress well anyway.
    const stream = document.context.stream(zlibSync(strToU8(text), { level: 2 }), { Type: 'XObject', Subtype: 'Form', BBox: bbox, Resources: { ExtGState: extGState }, Filter: 'FlateDecode' });
    const name = page.node.newXObject(`Map${counter.next++}`, document.context.register(stream));
    page.pushOperators(pushGraphicsState(), drawObject(name), popGraphicsState());
  };
  const texts: TextItem[] = [];
  for (const item of group.items) {
    if (item.type === 'text') texts.push(item);
    else if (item.type === 'image') {
      flush();
      drawItem(page, item, heightMm, fonts, images);
    } else if (item.type === 'group') {
      flush();
      drawGroup(document, page, item, heightMm, fonts, images, counter);
    } else content.add(item);
  }
  for (const item of texts) content.addHalo(item, item.isBold ? fonts.outlines.bold : fonts.outlines.regular);
  flush();
  for (const item of texts) drawText(page, item, heightMm, fonts);
}

export interface PdfWriter {
  /** Draws one page now (its map compressed at once), embedding the pictures it names the first time. */
  addPage(page: PrintPage, images: Map<string, PrintImage>): Promise<void>;
  save(): Promise<Uint8Array>;
}

/**
 * A PDF written page by page: text as real text in the embedded Be Vietnam Pro (subset), the map and
 * every shape as vectors, a basemap picture (when one is printed) embedded once.
 */
export async function createPdfWriter(fontBytes: { regular: Uint8Array; bold: Uint8Array }, metadata: PdfMetadata): Promise<PdfWriter> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const fonts: Faces = {
    regular: await document.embedFont(fontBytes.regular, { subset: true }),
    bold: await document.embedFont(fontBytes.bold, { subset: true }),
    outlines: { regular: fontkit.create(fontBytes.regular), bold: fontkit.create(fontBytes.bold) },
  };
  const embedded = new Map<string, PDFImage>();
  const counter = { next: 0 };
  return {
    async addPage(page, images) {
      for (const item of page.items.flatMap((entry) => (entry.type === 'group' ? entry.items : [entry]))) {
        if (item.type !== 'image' || embedded.has(item.imageId)) continue;
        const image = images.get(item.imageId);
        if (image) embedded.set(image.id, image.mimeType === 'image/png' ? await document.embedPng(image.bytes) : await document.embedJpg(image.bytes));
      }
      const pdfPage = document.addPage([page.widthMm * POINTS_PER_MM, page.heightMm * POINTS_PER_MM]);
      for (const item of page.items) {
        if (item.type === 'group') drawGroup(document, pdfPage, item, page.heightMm, fonts, embedded, counter);
        else if (item.type === 'path') drawGroup(document, pdfPage, { type: 'group', clip: { x: 0, y: 0, width: page.widthMm, height: page.heightMm }, items: [item] }, page.heightMm, fonts, embedded, counter);
        else drawItem(pdfPage, item, page.heightMm, fonts, embedded);
      }
    },
    async save() {
      document.setTitle(metadata.title);
      document.setSubject(metadata.subject);
      document.setLanguage(metadata.language);
      document.setCreator('Phủ sóng số');
      document.setProducer('Phủ sóng số (pdf-lib)');
      document.setCreationDate(metadata.createdAt);
      document.setModificationDate(metadata.createdAt);
      return document.save();
    },
  };
}

/** Writes the pages as one PDF (see `createPdfWriter`). */
export async function renderPdf(pages: PrintPage[], images: PrintImage[], fontBytes: { regular: Uint8Array; bold: Uint8Array }, metadata: PdfMetadata): Promise<Uint8Array> {
  const writer = await createPdfWriter(fontBytes, metadata);
  const byId = new Map(images.map((image) => [image.id, image]));
  for (const page of pages) await writer.addPage(page, byId);
  return writer.save();
}
