import { appendAll } from '../core';
import { pageMarginsMm, paperSizeMm, type Orientation, type PaperName } from './paper-sizes';
import type { FrameMm, MeasureText, PrintItem, PrintPage } from './print-page';
import { buildScaleBar, formatScale } from './print-scale';

export type LegendSymbol =
  | { kind: 'fill'; color: string; outline?: string }
  | { kind: 'point'; color: string; radiusMm: number; stroke: string }
  | { kind: 'line'; color: string; widthMm: number; dashMm: number[] | null }
  /** A numbered key as the map draws it (bold number, white halo). */
  | { kind: 'key'; label: string };

export interface LegendEntry {
  symbol: LegendSymbol;
  label: string;
}

export interface KpiRow {
  label: string;
  value: string;
  target: string;
  status: 'met' | 'not-met' | 'missing' | 'info';
  statusText: string;
}

/** Everything a map page says, already in the chosen language. */
export interface MapPageContent {
  paper: PaperName;
  orientation: Orientation;
  title: string;
  subtitle: string;
  /** The "Dữ liệu minh họa" mark, or null for real data. */
  demoMark: string | null;
  /** The map frame's items (a `group` clipped to the frame), or null while only counting pages. */
  map: PrintItem | null;
  /** 1:`scale` on paper at the map centre's latitude. */
  scale: number;
  scaleTitle: string;
  northLetter: string;
  legendTitle: string;
  legend: LegendEntry[];
  kpiTitle: string;
  kpiHeaders: [string, string, string, string];
  kpiRows: KpiRow[];
  list: { title: string; lines: string[] } | null;
  /** Small lines under the scale bar: who issues the map, the coordinate system. */
  notes?: string[];
  footerLeft: string;
  footerRight: string;
}

export interface PageFrames {
  page: { widthMm: number; heightMm: number };
  header: FrameMm;
  map: FrameMm;
  /** Landscape: one column right of the map; portrait: two columns below it. */
  columns: FrameMm[];
  footer: FrameMm;
  /** Font scale: A3 text is a quarter larger. */
  fontScale: number;
}

const GAP_MM = 4;
const COLORS = { text: '#111111', muted: '#555555', frame: '#333333', rule: '#BBBBBB', demo: '#C62828', met: '#1B7F3B', notMet: '#C62828', missing: '#777777' };

/** Where header, map, side columns and footer sit on a sheet (inside the binding margins). */
export function computePageFrames(paper: PaperName, orientation: Orientation): PageFrames {
  const page = paperSizeMm(paper, orientation);
  const margins = pageMarginsMm(orientation);
  const fontScale = paper === 'A3' ? 1.25 : 1;
  const inner = { x: margins.left, y: margins.top, width: page.widthMm - margins.left - margins.right, height: page.heightMm - margins.top - margins.bottom };
  const headerHeight = 17 * fontScale;
  const footerHeight = 6 * fontScale;
  const header = { x: inner.x, y: inner.y, width: inner.width, height: headerHeight };
  const footer = { x: inner.x, y: inner.y + inner.height - footerHeight, width: inner.width, height: footerHeight };
  const bodyTop = inner.y + headerHeight;
  const bodyHeight = inner.height - headerHeight - footerHeight - GAP_MM;
  if (orientation === 'landscape') {
    const sideWidth = 74 * fontScale;
    const map = { x: inner.x, y: bodyTop, width: inner.width - sideWidth - GAP_MM, height: bodyHeight };
    return { page, header, map, columns: [{ x: map.x + map.width + GAP_MM, y: bodyTop, width: sideWidth, height: bodyHeight }], footer, fontScale };
  }
  const sideHeight = 66 * fontScale;
  const map = { x: inner.x, y: bodyTop, width: inner.width, height: bodyHeight - sideHeight - GAP_MM };
  const columnTop = map.y + map.height + GAP_MM;
  const leftWidth = inner.width * 0.42;
  return {
    page,
    header,
    map,
    columns: [
      { x: inner.x, y: columnTop, width: leftWidth, height: sideHeight },
      { x: inner.x + leftWidth + GAP_MM, y: columnTop, width: inner.width - leftWidth - GAP_MM, height: sideHeight },
    ],
    footer,
    fontScale,
  };
}

const PT_TO_MM = 25.4 / 72;

/** Splits `text` into lines no wider than `widthMm` (breaking at spaces; a too-long word stays whole). */
export function wrapText(text: string, widthMm: number, sizePt: number, isBold: boolean, measure: MeasureText): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, sizePt, isBold) > widthMm) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function text(x: number, y: number, value: string, sizePt: number, options: Partial<{ isBold: boolean; color: string; anchor: 'start' | 'middle' | 'end' }> = {}): PrintItem {
  return { type: 'text', x, y, text: value, sizePt, isBold: options.isBold ?? false, color: options.color ?? COLORS.text, anchor: options.anchor ?? 'start' };
}

/** The page header: title (shrunk to one line when long), subtitle, and the demo mark on the right. */
export function layoutHeader(frame: FrameMm, title: string, subtitle: string, demoMark: string | null, scale: number, measure: MeasureText): PrintItem[] {
  const items: PrintItem[] = [];
  let right = frame.x + frame.width;
  if (demoMark) {
    const size = 9 * scale;
    const width = measure(demoMark, size, true) + 6;
    items.push({ type: 'rect', x: right - width, y: frame.y, width, height: 7 * scale, fill: '#FFFFFF', stroke: COLORS.demo, strokeWidthMm: 0.5 });
    items.push(text(right - width / 2, frame.y + 4.9 * scale, demoMark, size, { isBold: true, color: COLORS.demo, anchor: 'middle' }));
    right -= width + 4;
  }
  let titleSize = 17 * scale;
  const available = right - frame.x;
  while (titleSize > 9 && measure(title, titleSize, true) > available) titleSize -= 0.5;
  items.push(text(frame.x, frame.y + titleSize * PT_TO_MM, title, titleSize, { isBold: true }));
  const subtitleSize = 9 * scale;
  wrapText(subtitle, frame.width, subtitleSize, false, measure)
    .slice(0, 2)
    .forEach((line, i) => items.push(text(frame.x, frame.y + titleSize * PT_TO_MM + (4 + 4 * i) * scale, line, subtitleSize, { color: COLORS.muted })));
  items.push({ type: 'line', x1: frame.x, y1: frame.y + frame.height - 1.5, x2: frame.x + frame.width, y2: frame.y + frame.height - 1.5, stroke: COLORS.frame, widthMm: 0.4, dashMm: null });
  return items;
}

/** The footer: source (one or two lines) on the left, dates and page number on the right. */
export function layoutFooter(frame: FrameMm, left: string, right: string, scale: number, measure: MeasureText): PrintItem[] {
  const size = 6.5 * scale;
  const y = frame.y + frame.height - 0.5;
  const rightWidth = measure(right, size, false);
  const leftLines = wrapText(left, Math.max(20, frame.width - rightWidth - 6), size, false, measure);
  // The source may take two lines (portrait sheets are narrow); the second sits on the footer's baseline.
  const shown = leftLines.slice(0, 2);
  const lineHeight = 2.7 * scale;
  return [
    { type: 'line', x1: frame.x, y1: frame.y + 0.5, x2: frame.x + frame.width, y2: frame.y + 0.5, stroke: COLORS.rule, widthMm: 0.25, dashMm: null },
    ...shown.map((line, i) => text(frame.x, y - (shown.length - 1 - i) * lineHeight, line, size, { color: COLORS.muted })),
    text(frame.x + frame.width, y, right, size, { color: COLORS.muted, anchor: 'end' }),
  ];
}

function northArrow(map: FrameMm, letter: string, scale: number): PrintItem[] {
  const r = 6 * scale;
  const cx = map.x + map.width - r - 3;
  const cy = map.y + r + 3;
  return [
    { type: 'circle', cx, cy, r, fill: '#FFFFFF', stroke: COLORS.frame, strokeWidthMm: 0.3 },
    { type: 'polygon', points: [[cx, cy - r * 0.45], [cx + r * 0.35, cy + r * 0.6], [cx, cy + r * 0.35]], fill: '#FFFFFF', stroke: COLORS.text, strokeWidthMm: 0.3 },
    { type: 'polygon', points: [[cx, cy - r * 0.45], [cx - r * 0.35, cy + r * 0.6], [cx, cy + r * 0.35]], fill: COLORS.text, stroke: COLORS.text, strokeWidthMm: 0.3 },
    text(cx, cy - r * 0.52, letter, 6.5 * scale, { isBold: true, anchor: 'middle' }),
  ];
}

/** A column filled top-down; blocks that do not fit leave their rest to the caller. */
class ColumnCursor {
  y: number;
  constructor(readonly frame: FrameMm) {
    this.y = frame.y;
  }
  room(): number {
    return this.frame.y + this.frame.height - this.y;
  }
}

function legendBlock(cursor: ColumnCursor, title: string, entries: MapPageContent['legend'], scale: number, measure: MeasureText): PrintItem[] {
  const { frame } = cursor;
  const items: PrintItem[] = [text(frame.x, cursor.y + 3.5 * scale, title, 8.5 * scale, { isBold: true })];
  cursor.y += 5.5 * scale;
  const size = 7.5 * scale;
  const rowHeight = 4.6 * scale;
  for (const entry of entries) {
    const symbolX = frame.x + 1;
    const midY = cursor.y + rowHeight / 2;
    const { symbol } = entry;
    if (symbol.kind === 'fill') items.push({ type: 'rect', x: symbolX, y: midY - 1.6 * scale, width: 6 * scale, height: 3.2 * scale, fill: symbol.color, stroke: symbol.outline ?? '#666666', strokeWidthMm: 0.2 });
    else if (symbol.kind === 'point') items.push({ type: 'circle', cx: symbolX + 3 * scale, cy: midY, r: symbol.radiusMm * scale, fill: symbol.color, stroke: symbol.stroke, strokeWidthMm: 0.2 });
    else if (symbol.kind === 'key') items.push({ ...text(symbolX + 3 * scale, midY + 1.2 * scale, symbol.label, 6 * scale, { isBold: true, color: '#000000', anchor: 'middle' }), halo: { color: '#FFFFFF', widthMm: 0.36 } } as PrintItem, { type: 'rect', x: symbolX, y: midY - 1.6 * scale, width: 6 * scale, height: 3.2 * scale, fill: null, stroke: '#999999', strokeWidthMm: 0.15 });
    else items.push({ type: 'line', x1: symbolX, y1: midY, x2: symbolX + 6 * scale, y2: midY, stroke: symbol.color, widthMm: symbol.widthMm, dashMm: symbol.dashMm });
    const lines = wrapText(entry.label, frame.width - 9 * scale, size, false, measure);
    lines.forEach((line, i) => items.push(text(symbolX + 8 * scale, midY + 1.2 * scale + i * 3.2 * scale, line, size)));
    cursor.y += rowHeight + (lines.length - 1) * 3.2 * scale;
  }
  cursor.y += 2 * scale;
  return items;
}

function scaleBlock(cursor: ColumnCursor, title: string, mapScale: number, scale: number): PrintItem[] {
  const { frame } = cursor;
  const bar = buildScaleBar(mapScale, Math.min(frame.width - 12, 50 * scale));
  const items: PrintItem[] = [text(frame.x, cursor.y + 3.5 * scale, `${title} ${formatScale(mapScale)}`, 8.5 * scale, { isBold: true })];
  const barY = cursor.y + 6 * scale;
  const segment = bar.lengthMm / bar.segments;
  const x0 = frame.x + 1;
  for (let i = 0; i < bar.segments; i++) {
    items.push({ type: 'rect', x: x0 + i * segment, y: barY, width: segment, height: 1.6 * scale, fill: i % 2 === 0 ? COLORS.text : '#FFFFFF', stroke: COLORS.text, strokeWidthMm: 0.2 });
  }
  const labelY = barY + 1.6 * scale + 3 * scale;
  items.push(text(x0, labelY, bar.labels[0], 6.5 * scale, { anchor: 'middle' }));
  items.push(text(x0 + bar.lengthMm, labelY, bar.labels[bar.segments], 6.5 * scale, { anchor: 'middle' }));
  cursor.y = labelY + 4 * scale;
  return items;
}

function kpiBlock(cursor: ColumnCursor, content: MapPageContent, scale: number, measure: MeasureText): PrintItem[] {
  const { frame } = cursor;
  const items: PrintItem[] = [text(frame.x, cursor.y + 3.5 * scale, content.kpiTitle, 8.5 * scale, { isBold: true })];
  cursor.y += 5 * scale;
  const size = 6.5 * scale;
  const widths = [frame.width * 0.4, frame.width * 0.21, frame.width * 0.21, frame.width * 0.18];
  const xs = [frame.x, frame.x + widths[0], frame.x + widths[0] + widths[1], frame.x + widths[0] + widths[1] + widths[2]];
  const line = 2.9 * scale;
  content.kpiHeaders.forEach((header, i) => items.push(text(i === 0 ? xs[0] : xs[i] + widths[i] - 1, cursor.y + line, header, size, { isBold: true, color: COLORS.muted, anchor: i === 0 ? 'start' : 'end' })));
  cursor.y += line + 1;
  items.push({ type: 'line', x1: frame.x, y1: cursor.y, x2: frame.x + frame.width, y2: cursor.y, stroke: COLORS.frame, widthMm: 0.25, dashMm: null });
  for (const row of content.kpiRows) {
    const labelLines = wrapText(row.label, widths[0] - 1.5, size, false, measure);
    const statusColor = row.status === 'met' ? COLORS.met : row.status === 'not-met' ? COLORS.notMet : COLORS.missing;
    const height = labelLines.length * line + 1.2;
    if (cursor.y + height > frame.y + frame.height) break;
    labelLines.forEach((labelLine, i) => items.push(text(xs[0], cursor.y + line * (i + 1), labelLine, size)));
    items.push(text(xs[1] + widths[1] - 1, cursor.y + line, row.value, size, { anchor: 'end', isBold: true }));
    items.push(text(xs[2] + widths[2] - 1, cursor.y + line, row.target, size, { anchor: 'end' }));
    items.push(text(xs[3] + widths[3] - 1, cursor.y + line, row.statusText, size, { anchor: 'end', isBold: true, color: statusColor }));
    cursor.y += height;
    items.push({ type: 'line', x1: frame.x, y1: cursor.y, x2: frame.x + frame.width, y2: cursor.y, stroke: COLORS.rule, widthMm: 0.15, dashMm: null });
  }
  cursor.y += 3 * scale;
  return items;
}

/** Lays out list lines in `frames` (columns), returning the items and the lines that did not fit. */
export function layoutListLines(frames: FrameMm[], firstTop: number, title: string, lines: string[], scale: number, measure: MeasureText): { items: PrintItem[]; rest: string[] } {
  const items: PrintItem[] = [];
  const size = 6.5 * scale;
  const lineHeight = 3 * scale;
  let index = 0;
  frames.forEach((frame, column) => {
    let y = column === 0 ? firstTop : frame.y;
    if (column === 0) {
      items.push(text(frame.x, y + 3.5 * scale, title, 8.5 * scale, { isBold: true }));
      y += 5 * scale;
    }
    while (index < lines.length && y + lineHeight <= frame.y + frame.height) {
      let line = lines[index];
      while (line.length > 4 && measure(line, size, false) > frame.width) line = `${line.slice(0, -2)}…`;
      items.push(text(frame.x, y + lineHeight, line, size));
      y += lineHeight;
      index++;
    }
  });
  return { items, rest: lines.slice(index) };
}

/** The whole map page; `rest` holds the hamlet-list lines left for continuation pages. */
export function layoutMapPage(content: MapPageContent, measure: MeasureText): { page: PrintPage; rest: string[] } {
  const frames = computePageFrames(content.paper, content.orientation);
  const scale = frames.fontScale;
  const items: PrintItem[] = [
    ...layoutHeader(frames.header, content.title, content.subtitle, content.demoMark, scale, measure),
    ...(content.map ? [content.map] : []),
    { type: 'rect', x: frames.map.x, y: frames.map.y, width: frames.map.width, height: frames.map.height, fill: null, stroke: COLORS.frame, strokeWidthMm: 0.35 },
    ...northArrow(frames.map, content.northLetter, scale),
  ];
  const first = new ColumnCursor(frames.columns[0]);
  appendAll(items, legendBlock(first, content.legendTitle, content.legend, scale, measure));
  appendAll(items, scaleBlock(first, content.scaleTitle, content.scale, scale));
  for (const note of content.notes ?? []) {
    for (const line of wrapText(note, first.frame.width, 6.5 * scale, false, measure)) {
      items.push(text(first.frame.x, first.y + 2.5 * scale, line, 6.5 * scale, { color: COLORS.muted }));
      first.y += 3 * scale;
    }
  }
  if (content.notes?.length) first.y += 3 * scale;
  const second = frames.columns.length > 1 ? new ColumnCursor(frames.columns[1]) : first;
  appendAll(items, kpiBlock(second, content, scale, measure));
  let rest: string[] = [];
  if (content.list) {
    const listed = layoutListLines([second.frame], second.y, content.list.title, content.list.lines, scale, measure);
    appendAll(items, listed.items);
    rest = listed.rest;
  }
  appendAll(items, layoutFooter(frames.footer, content.footerLeft, content.footerRight, scale, measure));
  return { page: { widthMm: frames.page.widthMm, heightMm: frames.page.heightMm, items }, rest };
}

/** A page that continues a long hamlet list in columns; `rest` = lines for the next one. */
export function layoutListPage(
  content: Pick<MapPageContent, 'paper' | 'orientation' | 'title' | 'subtitle' | 'demoMark' | 'footerLeft' | 'footerRight'> & { listTitle: string; lines: string[] },
  measure: MeasureText,
): { page: PrintPage; rest: string[] } {
  const frames = computePageFrames(content.paper, content.orientation);
  const scale = frames.fontScale;
  const bodyTop = frames.header.y + frames.header.height;
  const bodyHeight = frames.footer.y - bodyTop - GAP_MM;
  const columnCount = content.orientation === 'landscape' ? 3 : 2;
  const columnWidth = (frames.header.width - GAP_MM * (columnCount - 1)) / columnCount;
  const columns = Array.from({ length: columnCount }, (_, i) => ({ x: frames.header.x + i * (columnWidth + GAP_MM), y: bodyTop, width: columnWidth, height: bodyHeight }));
  const listed = layoutListLines(columns, bodyTop, content.listTitle, content.lines, scale, measure);
  const items = [
    ...layoutHeader(frames.header, content.title, content.subtitle, content.demoMark, scale, measure),
    ...listed.items,
    ...layoutFooter(frames.footer, content.footerLeft, content.footerRight, scale, measure),
  ];
  return { page: { widthMm: frames.page.widthMm, heightMm: frames.page.heightMm, items }, rest: listed.rest };
}
