/**
 * The front of an atlas: a cover (title, what the atlas holds, data date, issuing body, the demo
 * mark), an overview of the whole area with every unit numbered as in the contents, and the contents
 * (unit, page) over as many pages as it takes.
 */
import { computePageFrames, wrapText } from './layout-page';
import type { Orientation, PaperName } from './paper-sizes';
import type { FrameMm, MeasureText, PrintItem, PrintPage } from './print-page';

const COLORS = { text: '#111111', muted: '#555555', rule: '#BBBBBB', frame: '#333333', demo: '#C62828' };
const PT_TO_MM = 25.4 / 72;

function text(x: number, y: number, value: string, sizePt: number, options: Partial<{ isBold: boolean; color: string; anchor: 'start' | 'middle' | 'end' }> = {}): PrintItem {
  return { type: 'text', x, y, text: value, sizePt, isBold: options.isBold ?? false, color: options.color ?? COLORS.text, anchor: options.anchor ?? 'start' };
}

export interface CoverContent {
  paper: PaperName;
  orientation: Orientation;
  /** Governing and issuing bodies (the plan's authority on the print date), or null when unknown. */
  governingBody: string | null;
  issuingBody: string | null;
  title: string;
  /** What the atlas holds: `Tập bản đồ theo huyện (11 đơn vị)`. */
  kind: string;
  /** Layer and operators. */
  layerLine: string;
  dataDateLine: string;
  /** Place and print date, or the print date alone. */
  dateLine: string;
  demoMark: string | null;
  footerLeft: string;
}

/** The cover: bodies at the top, title in the middle, data date, the demo mark, date at the foot. */
export function layoutCoverPage(content: CoverContent, measure: MeasureText): PrintPage {
  const frames = computePageFrames(content.paper, content.orientation);
  const scale = frames.fontScale;
  const inner: FrameMm = { x: frames.header.x, y: frames.header.y, width: frames.header.width, height: frames.footer.y + frames.footer.height - frames.header.y };
  const cx = inner.x + inner.width / 2;
  const items: PrintItem[] = [];
  let y = inner.y + 8 * scale;
  if (content.governingBody) {
    items.push(text(cx, y, content.governingBody.toLocaleUpperCase('vi'), 10 * scale, { anchor: 'middle' }));
    y += 6 * scale;
  }
  if (content.issuingBody) {
    items.push(text(cx, y, content.issuingBody.toLocaleUpperCase('vi'), 10 * scale, { anchor: 'middle', isBold: true }));
    items.push({ type: 'line', x1: cx - 20 * scale, y1: y + 2.5 * scale, x2: cx + 20 * scale, y2: y + 2.5 * scale, stroke: COLORS.text, widthMm: 0.3, dashMm: null });
  }
  let titleSize = 26 * scale;
  while (titleSize > 14 && wrapText(content.title, inner.width * 0.85, titleSize, true, measure).length > 2) titleSize -= 1;
  const titleLines = wrapText(content.title, inner.width * 0.85, titleSize, true, measure);
  let titleY = inner.y + inner.height * 0.38;
  for (const line of titleLines) {
    items.push(text(cx, titleY, line, titleSize, { isBold: true, anchor: 'middle' }));
    titleY += titleSize * PT_TO_MM * 1.3;
  }
  titleY += 4 * scale;
  for (const [line, size, color] of [
    [content.kind, 13 * scale, COLORS.text],
    [content.layerLine, 10 * scale, COLORS.muted],
    [content.dataDateLine, 10 * scale, COLORS.muted],
  ] as const) {
    items.push(text(cx, titleY, line, size, { anchor: 'middle', color }));
    titleY += size * PT_TO_MM * 1.6;
  }
  if (content.demoMark) {
    const size = 14 * scale;
    const width = measure(content.demoMark, size, true) + 10;
    const top = titleY + 6 * scale;
    items.push({ type: 'rect', x: cx - width / 2, y: top, width, height: 10 * scale, fill: '#FFFFFF', stroke: COLORS.demo, strokeWidthMm: 0.7 });
    items.push(text(cx, top + 7 * scale, content.demoMark, size, { isBold: true, color: COLORS.demo, anchor: 'middle' }));
  }
  items.push(text(cx, frames.footer.y - 6 * scale, content.dateLine, 10 * scale, { anchor: 'middle', color: COLORS.muted }));
  const footSize = 6.5 * scale;
  wrapText(content.footerLeft, inner.width, footSize, false, measure)
    .slice(0, 2)
    .forEach((line, i) => items.push(text(inner.x, frames.footer.y + frames.footer.height - 0.5 - (1 - i) * 2.7 * scale, line, footSize, { color: COLORS.muted })));
  return { widthMm: frames.page.widthMm, heightMm: frames.page.heightMm, items };
}

/** The overview's map frame: the whole body of the sheet (no side column), so the area is as large as it can be. */
export function overviewFrame(paper: PaperName, orientation: Orientation): FrameMm {
  const frames = computePageFrames(paper, orientation);
  return { x: frames.header.x, y: frames.map.y, width: frames.header.width, height: frames.map.height - 6 * frames.fontScale };
}

/** The overview page: header, the numbered map, a line saying what the numbers are, footer. */
export function layoutOverviewPage(content: { paper: PaperName; orientation: Orientation; title: string; subtitle: string; note: string; map: PrintItem; header: PrintItem[]; footer: PrintItem[] }): PrintPage {
  const frames = computePageFrames(content.paper, content.orientation);
  const frame = overviewFrame(content.paper, content.orientation);
  const items: PrintItem[] = [
    ...content.header,
    content.map,
    { type: 'rect', x: frame.x, y: frame.y, width: frame.width, height: frame.height, fill: null, stroke: COLORS.frame, strokeWidthMm: 0.35 },
    text(frame.x, frame.y + frame.height + 4.5 * frames.fontScale, content.note, 7.5 * frames.fontScale, { color: COLORS.muted }),
    ...content.footer,
  ];
  return { widthMm: frames.page.widthMm, heightMm: frames.page.heightMm, items };
}

export interface ContentsEntry {
  number: number;
  label: string;
  /** Its first page in the atlas, or null while only counting pages. */
  page: number | null;
}

/**
 * Contents entries laid out in columns (`1. Huyện Kế Sách ……… 5`), the rest for the next page.
 * @returns the items and the entries that did not fit
 */
export function layoutContentsColumns(frames: FrameMm[], title: string, pageWord: string, entries: ContentsEntry[], scale: number, measure: MeasureText): { items: PrintItem[]; rest: ContentsEntry[] } {
  const items: PrintItem[] = [];
  const size = 8 * scale;
  const lineHeight = 4.4 * scale;
  let index = 0;
  frames.forEach((frame, column) => {
    let y = frame.y;
    if (column === 0) {
      items.push(text(frame.x, y + 5 * scale, title, 12 * scale, { isBold: true }));
      y += 8 * scale;
    }
    if (index >= entries.length) return;
    items.push(text(frame.x + frame.width, y + 3.5 * scale, pageWord, 7 * scale, { color: COLORS.muted, anchor: 'end', isBold: true }));
    y += 5 * scale;
    while (index < entries.length && y + lineHeight <= frame.y + frame.height) {
      const entry = entries[index];
      const pageText = entry.page === null ? '000' : String(entry.page);
      let label = `${entry.number}. ${entry.label}`;
      const room = frame.width - measure('0000', size, false) - 2;
      while (label.length > 4 && measure(label, size, false) > room) label = `${label.slice(0, -2)}…`;
      items.push(text(frame.x, y + lineHeight * 0.75, label, size));
      items.push(text(frame.x + frame.width, y + lineHeight * 0.75, pageText, size, { anchor: 'end' }));
      items.push({ type: 'line', x1: frame.x + measure(label, size, false) + 1, y1: y + lineHeight * 0.75, x2: frame.x + frame.width - measure(pageText, size, false) - 1, y2: y + lineHeight * 0.75, stroke: COLORS.rule, widthMm: 0.2, dashMm: [0.4, 0.8] });
      y += lineHeight;
      index++;
    }
  });
  return { items, rest: entries.slice(index) };
}
