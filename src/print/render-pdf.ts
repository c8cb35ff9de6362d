import fontkit from '@pdf-lib/fontkit';
import { LineCapStyle, PDFDocument, rgb, type PDFFont, type PDFImage, type PDFPage } from 'pdf-lib';
import { POINTS_PER_MM } from './paper-sizes';
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

function drawItem(page: PDFPage, item: PrintItem, heightMm: number, fonts: { regular: PDFFont; bold: PDFFont }, images: Map<string, PDFImage>): void {
  const x = (mm: number) => mm * POINTS_PER_MM;
  const y = (mm: number) => (heightMm - mm) * POINTS_PER_MM;
  switch (item.type) {
    case 'text': {
      const font = item.isBold ? fonts.bold : fonts.regular;
      const width = font.widthOfTextAtSize(item.text, item.sizePt);
      const shift = item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0;
      page.drawText(item.text, { x: x(item.x) - shift, y: y(item.y), size: item.sizePt, font, color: color(item.color) });
      return;
    }
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
    }
  }
}

/**
 * Writes the pages as one PDF: text as real text in the embedded Be Vietnam Pro (subset), shapes as
 * vectors, each map picture embedded once at its full pixel size.
 */
export async function renderPdf(pages: PrintPage[], images: PrintImage[], fontBytes: { regular: Uint8Array; bold: Uint8Array }, metadata: PdfMetadata): Promise<Uint8Array> {
  const document = await PDFDocument.create();
  document.registerFontkit(fontkit);
  const fonts = { regular: await document.embedFont(fontBytes.regular, { subset: true }), bold: await document.embedFont(fontBytes.bold, { subset: true }) };
  const embedded = new Map<string, PDFImage>();
  for (const image of images) {
    embedded.set(image.id, image.mimeType === 'image/png' ? await document.embedPng(image.bytes) : await document.embedJpg(image.bytes));
  }
  for (const page of pages) {
    const pdfPage = document.addPage([page.widthMm * POINTS_PER_MM, page.heightMm * POINTS_PER_MM]);
    for (const item of page.items) drawItem(pdfPage, item, page.heightMm, fonts, embedded);
  }
  document.setTitle(metadata.title);
  document.setSubject(metadata.subject);
  document.setLanguage(metadata.language);
  document.setCreator('Phủ sóng số');
  document.setProducer('Phủ sóng số (pdf-lib)');
  document.setCreationDate(metadata.createdAt);
  document.setModificationDate(metadata.createdAt);
  return document.save();
}
