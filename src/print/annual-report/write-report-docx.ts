// The annual report as a Word document (.docx), laid out as a Vietnamese administrative report
// (Decree 30/2020/NĐ-CP): A4, Times New Roman 13–14 pt, margins 20 / 15–20 / 20 / 30 mm, the governing
// and issuing bodies over the number on the left, the national motto over the place and date on the
// right, the kind and subject centred, numbered sections, page numbers centred at the top from page 2,
// then the distribution list and the signature, and the annexes. Runs in the browser and in Node.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
  type ISectionOptions,
  type ParagraphChild,
} from 'docx';
import type { AnnualReport, ReportBlock, ReportCell, ReportRow, ReportSection, ReportTable } from '../../core';
import type { Locale } from '../../i18n/format';
import { formatReportCell, reportText, translateReportText } from './report-text';

/** A map picture for the report: `province` or a unit key, and the PNG's bytes. */
export interface ReportImage {
  key: string;
  png: Uint8Array;
}

const FONT = 'Times New Roman';
/** Half-points: 14 pt body, 13 pt header lines, 12 pt tables. */
const SIZE = { body: 28, header: 26, table: 24, small: 24 };
const A4 = { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) };
const MARGIN = { top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20), left: convertMillimetersToTwip(30), right: convertMillimetersToTwip(20) };
const TEXT_WIDTH = { portrait: A4.width - MARGIN.left - MARGIN.right, landscape: A4.height - MARGIN.left - MARGIN.right };
const DEMO_RED = 'C00000';
const HEADER_OVERHANG = convertMillimetersToTwip(8);
/** The running-number column: wide enough for "STT" and three digits. */
const NUMBER_COLUMN = convertMillimetersToTwip(12);
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
}

const run = (text: string, style: RunStyle = {}) =>
  new TextRun({ text, font: FONT, size: style.size ?? SIZE.body, bold: style.bold, italics: style.italics, color: style.color, ...(style.underline ? { underline: {} } : {}) });

function paragraph(children: ParagraphChild[] | string, options: { align?: (typeof AlignmentType)[keyof typeof AlignmentType]; indent?: boolean; before?: number; after?: number; style?: RunStyle; pageBreak?: boolean; keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({
    children: typeof children === 'string' ? [run(children, options.style)] : children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { before: options.before ?? 0, after: options.after ?? 120, line: 288 },
    ...(options.indent ? { indent: { firstLine: convertMillimetersToTwip(12.7) } } : {}),
    ...(options.pageBreak ? { pageBreakBefore: true } : {}),
    ...(options.keepNext ? { keepNext: true } : {}),
  });
}

/** A short centred rule under a header line (a third to a half of its length, as the decree asks). */
function rule(widthTwips: number, fraction: number): Paragraph {
  const side = Math.round((widthTwips * (1 - fraction)) / 2);
  return new Paragraph({ children: [], indent: { left: side, right: side }, spacing: { before: 0, after: 120, line: 120 }, border: { top: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } } });
}

/** Day and month with a leading zero for days below 10 and for January and February (Decree 30). */
function dateParts(isoDate: string, locale: Locale): { day: string; month: string; year: string } {
  const [year, month, day] = isoDate.split('-').map(Number);
  if (locale === 'en') return { day: String(day), month: new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, month - 1, 1))), year: String(year) };
  return { day: String(day).padStart(2, '0'), month: month <= 2 ? String(month).padStart(2, '0') : String(month), year: String(year) };
}

function numberText(report: AnnualReport): string {
  return report.header.number ?? '\u00a0'.repeat(8);
}

function headerBlock(report: AnnualReport, locale: Locale): Table {
  const { header } = report;
  // The two columns reach a little into the side margins, as the usual templates do, so that the motto
  // line keeps to one line.
  const width = TEXT_WIDTH.portrait + HEADER_OVERHANG * 2;
  const widths = [Math.round(width * 0.4), width - Math.round(width * 0.4)];
  const cell = (children: Paragraph[], cellWidth: number) => new TableCell({ children, width: { size: cellWidth, type: WidthType.DXA }, borders: NO_BORDERS });
  const centred = (text: string, style: RunStyle) => paragraph([run(text, style)], { align: AlignmentType.CENTER, after: 0 });
  const left = [
    centred(header.governingBody.toLocaleUpperCase('vi'), { size: SIZE.table }),
    centred(header.issuingBody.toLocaleUpperCase('vi'), { size: SIZE.table, bold: true }),
    rule(widths[0], 0.35),
    centred(reportText(locale, 'annual.number', { number: numberText(report), issuer: header.issuerCode }), { size: SIZE.header }),
  ];
  const right = [
    centred(reportText(locale, 'annual.motto.country'), { size: SIZE.table, bold: true }),
    paragraph([run(reportText(locale, 'annual.motto.words'), { bold: true, underline: true, size: SIZE.header })], { align: AlignmentType.CENTER, after: 240 }),
    centred(reportText(locale, 'annual.dateLine', { place: header.place, ...dateParts(header.date, locale) }), { italics: true }),
  ];
  return new Table({ rows: [new TableRow({ children: [cell(left, widths[0]), cell(right, widths[1])] })], width: { size: width, type: WidthType.DXA }, indent: { size: -HEADER_OVERHANG, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: NO_BORDERS });
}

/** Relative widths of a table's columns by what their cells hold: running numbers narrow, names wide. */
function columnWeights(table: ReportTable): number[] {
  const sample = table.rows.find((row) => !row.isGroupHeading && !row.isTotal) ?? table.rows[0];
  return table.columns.map((_, index) => {
    const cell = sample?.cells[index];
    if (!cell) return 1;
    if (cell.kind === 'text' || cell.kind === 'label') return index <= 2 ? 2.4 : 1.6;
    if (cell.kind === 'source') return 2.2;
    if (cell.kind === 'change') return 1.4;
    return 1;
  });
}

function tableBlock(table: ReportTable, widthTwips: number, locale: Locale): Table {
  const weights = columnWeights(table);
  const hasNumberColumn = table.columns[0]?.code === 'annual.col.number';
  const rest = hasNumberColumn ? widthTwips - NUMBER_COLUMN : widthTwips;
  const total = weights.reduce((sum, weight, index) => sum + (hasNumberColumn && index === 0 ? 0 : weight), 0);
  const widths = weights.map((weight, index) => (hasNumberColumn && index === 0 ? NUMBER_COLUMN : Math.floor((rest * weight) / total)));
  const cellParagraph = (text: string, options: { bold?: boolean; align: (typeof AlignmentType)[keyof typeof AlignmentType] }) =>
    new Paragraph({ children: [run(text, { size: SIZE.table, bold: options.bold })], alignment: options.align, spacing: { before: 40, after: 40 } });
  const alignOf = (cell: ReportCell | undefined) => (cell && (cell.kind === 'text' || cell.kind === 'label' || cell.kind === 'source') ? AlignmentType.LEFT : AlignmentType.CENTER);
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: table.columns.map((column, index) => new TableCell({ children: [cellParagraph(translateReportText(column, locale), { bold: true, align: AlignmentType.CENTER })], width: { size: widths[index], type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER })),
  });
  const bodyRow = (row: ReportRow) =>
    new TableRow({
      cantSplit: true,
      children: row.cells.map((cell, index) => new TableCell({ children: [cellParagraph(formatReportCell(cell, locale), { bold: row.isTotal || row.isGroupHeading, align: alignOf(cell) })], width: { size: widths[index], type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER })),
    });
  return new Table({ rows: [headerRow, ...table.rows.map(bodyRow)], width: { size: widthTwips, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED });
}

/** Reads a PNG's pixel size from its IHDR chunk. */
function pngSize(png: Uint8Array): { width: number; height: number } | null {
  if (png.length < 24 || png[0] !== 0x89 || png[1] !== 0x50 || png[2] !== 0x4e || png[3] !== 0x47) return null;
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function mapBlock(block: Extract<ReportBlock, { kind: 'map' }>, images: Map<string, Uint8Array>, widthTwips: number, locale: Locale): Paragraph[] {
  const png = images.get(block.key);
  const size = png ? pngSize(png) : null;
  if (!png || !size) return [];
  // Fit the text width and half the page height; twips → 96-dpi pixels.
  const maxWidth = (widthTwips / 1440) * 96;
  const maxHeight = ((A4.width - MARGIN.top - MARGIN.bottom) / 1440) * 96 * 0.75;
  const scale = Math.min(maxWidth / size.width, maxHeight / size.height);
  return [
    new Paragraph({ children: [new ImageRun({ type: 'png', data: png, transformation: { width: Math.round(size.width * scale), height: Math.round(size.height * scale) }, altText: { name: block.key, title: translateReportText(block.caption, locale), description: translateReportText(block.caption, locale) } })], alignment: AlignmentType.CENTER, keepNext: true }),
    paragraph([run(translateReportText(block.caption, locale), { italics: true, size: SIZE.small })], { align: AlignmentType.CENTER, after: 240 }),
  ];
}

function blocksOf(blocks: ReportBlock[], widthTwips: number, locale: Locale, images: Map<string, Uint8Array>): (Paragraph | Table)[] {
  return blocks.flatMap((block): (Paragraph | Table)[] => {
    if (block.kind === 'paragraph') return [paragraph(translateReportText(block.text, locale), { indent: true })];
    if (block.kind === 'map') return mapBlock(block, images, widthTwips, locale);
    return [tableBlock(block, widthTwips, locale), paragraph('', { after: 120 })];
  });
}

function sectionBody(section: ReportSection, level: number, widthTwips: number, locale: Locale, images: Map<string, Uint8Array>): (Paragraph | Table)[] {
  const title = translateReportText(section.title, locale);
  const heading = paragraph([run(`${section.number}. ${level === 0 ? title.toLocaleUpperCase(locale) : title}`, { bold: true })], { indent: true, before: 120, keepNext: true });
  return [heading, ...blocksOf(section.blocks, widthTwips, locale, images), ...section.subsections.flatMap((sub) => sectionBody(sub, level + 1, widthTwips, locale, images))];
}

function demoParagraph(locale: Locale): Paragraph {
  return paragraph([run(reportText(locale, 'annual.demo'), { bold: true, color: DEMO_RED, size: SIZE.small })], { align: AlignmentType.CENTER, after: 120 });
}

function pageHeaders(report: AnnualReport, locale: Locale) {
  const demo = report.demo ? [demoParagraph(locale)] : [];
  const number = new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE.header })], alignment: AlignmentType.CENTER });
  return { default: new Header({ children: [number, ...demo] }), first: new Header({ children: demo.length > 0 ? demo : [new Paragraph({ children: [] })] }) };
}

function signatureBlock(report: AnnualReport, locale: Locale): Table {
  const widths = [Math.round(TEXT_WIDTH.landscape * 0.5), TEXT_WIDTH.landscape - Math.round(TEXT_WIDTH.landscape * 0.5)];
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  const left = [
    paragraph([run(reportText(locale, 'annual.recipients.title'), { bold: true, italics: true, size: SIZE.small })], { align: AlignmentType.LEFT, after: 0 }),
    paragraph([run(reportText(locale, 'annual.recipients.above'), { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
    paragraph([run(reportText(locale, 'annual.recipients.archive'), { size: 22 })], { align: AlignmentType.LEFT, after: 0 }),
  ];
  const right = [paragraph([run(reportText(locale, 'annual.signer'), { bold: true })], { align: AlignmentType.CENTER })];
  return new Table({ rows: [new TableRow({ cantSplit: true, children: [cell(left, widths[0]), cell(right, widths[1])] })], width: { size: TEXT_WIDTH.landscape, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, borders: NO_BORDERS });
}

const page = (orientation: 'portrait' | 'landscape') => ({
  size: { width: A4.width, height: A4.height, orientation: orientation === 'portrait' ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE },
  margin: MARGIN,
});

/**
 * Writes the annual report as a .docx file: the first section (portrait) has the header block, the
 * title, the recipient and section I; the wide tables (sections II and III), the closing, the
 * distribution list and the signature are on landscape pages; the annexes follow on portrait pages.
 * @param report the report's content (`buildAnnualReport`)
 * @param options the reader's language and the map pictures (`province`, unit keys) to embed
 * @returns the file's bytes
 */
export async function writeReportDocx(report: AnnualReport, options: { locale: Locale; images?: ReportImage[] }): Promise<Uint8Array> {
  const { locale } = options;
  const images = new Map((options.images ?? []).map((image) => [image.key, image.png]));
  const headers = pageHeaders(report, locale);
  const params = { plan: report.planTitle, asOf: report.asOf, area: report.areaName, issuer: report.header.issuingBody, recipient: report.recipient };
  const [first, ...rest] = report.sections;
  const intro = [
    headerBlock(report, locale),
    paragraph([run(reportText(locale, 'annual.kind'), { bold: true })], { align: AlignmentType.CENTER, before: 360, after: 0 }),
    paragraph([run(reportText(locale, 'annual.subject', { plan: report.planTitle }), { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    paragraph([run(reportText(locale, 'annual.subjectAsOf', { asOf: report.asOf }), { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
    rule(TEXT_WIDTH.portrait, 0.3),
    paragraph(reportText(locale, 'annual.recipient', { recipient: report.recipient }), { align: AlignmentType.CENTER, after: 240 }),
    paragraph(reportText(locale, 'annual.opening', params), { indent: true }),
  ];
  const sections: ISectionOptions[] = [
    { properties: { page: page('portrait'), titlePage: true }, headers, children: [...intro, ...(first ? sectionBody(first, 0, TEXT_WIDTH.portrait, locale, images) : [])] },
    {
      properties: { page: page('landscape') },
      headers,
      children: [
        ...rest.flatMap((section) => sectionBody(section, 0, TEXT_WIDTH.landscape, locale, images)),
        paragraph(reportText(locale, 'annual.closing', params), { indent: true, after: 240 }),
        signatureBlock(report, locale),
      ],
    },
  ];
  if (report.annexes.length > 0) {
    const annexOf = reportText(locale, 'annual.annexOf', { number: numberText(report), issuer: report.header.issuerCode, date: report.header.date, issuingBody: report.header.issuingBody });
    sections.push({
      properties: { page: page('portrait') },
      headers,
      children: report.annexes.flatMap((annex, index) => [
        paragraph([run(reportText(locale, 'annual.annex', { number: annex.number }), { bold: true })], { align: AlignmentType.CENTER, after: 0, pageBreak: index > 0 }),
        paragraph([run(translateReportText(annex.title, locale), { bold: true })], { align: AlignmentType.CENTER, after: 0 }),
        paragraph([run(annexOf, { italics: true, size: SIZE.header })], { align: AlignmentType.CENTER, after: 240 }),
        ...blocksOf(annex.blocks, TEXT_WIDTH.portrait, locale, images),
      ]),
    });
  }
  const document = new Document({
    creator: report.header.issuingBody,
    title: `${reportText(locale, 'annual.kind')} — ${report.planTitle}`,
    description: reportText(locale, 'annual.subjectAsOf', { asOf: report.asOf }),
    styles: { default: { document: { run: { font: FONT, size: SIZE.body } } } },
    sections,
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}
