/**
 * PDF content operators for the vector items of a map frame, written as text and compressed into one
 * form XObject per run (its BBox clips to the frame), so a 100-page atlas holds compressed bytes, not
 * millions of operator objects. Text halos are the glyphs' own outlines stroked in white, so the label
 * text exists once in the file (searchable, copyable) and reads over any fill.
 */
import type { Font as FontkitFont } from '@pdf-lib/fontkit';
import { POINTS_PER_MM } from './paper-sizes';
import type { PrintItem } from './print-page';

const KAPPA = 0.5522847498;

/** A coordinate in points to 0.1 pt (0.035 mm, finer than a printer's dot at 600 dpi). */
function number(value: number): string {
  return String(Math.round(value * 10) / 10);
}

function rgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [((value >> 16) & 255) / 255, ((value >> 8) & 255) / 255, (value & 255) / 255];
}

function colorOperator(hex: string, operator: 'rg' | 'RG'): string {
  return `${rgb(hex).map((channel) => String(Math.round(channel * 1000) / 1000)).join(' ')} ${operator}`;
}

type GlyphCommand = { command: string; args: number[] };

/** Collects operators for one XObject; `opacities` names the ExtGStates it uses. */
export class VectorContent {
  private parts: string[] = [];
  readonly opacities = new Set<number>();
  private glyphCache = new WeakMap<FontkitFont, Map<number, GlyphCommand[]>>();

  constructor(private readonly pageHeightMm: number) {}

  get isEmpty(): boolean {
    return this.parts.length === 0;
  }

  private x(mm: number): string {
    return number(mm * POINTS_PER_MM);
  }
  private y(mm: number): string {
    return number((this.pageHeightMm - mm) * POINTS_PER_MM);
  }

  private paint(fill: string | null, stroke: string | null, strokeWidthMm: number, opacity: number, dashMm: number[] | null, evenOdd: boolean): { before: string; op: string } {
    const before: string[] = [];
    if (opacity < 1) {
      this.opacities.add(opacity);
      before.push(`/${opacityName(opacity)} gs`);
    }
    if (fill) before.push(colorOperator(fill, 'rg'));
    if (stroke) before.push(colorOperator(stroke, 'RG'), `${number(strokeWidthMm * POINTS_PER_MM)} w`, dashMm ? `[${dashMm.map((mm) => number(mm * POINTS_PER_MM)).join(' ')}] 0 d` : '[] 0 d');
    const op = fill && stroke ? (evenOdd ? 'B*' : 'B') : fill ? (evenOdd ? 'f*' : 'f') : stroke ? 'S' : 'n';
    return { before: before.join('\n'), op };
  }

  /** Adds one non-text, non-image item. */
  add(item: PrintItem): void {
    switch (item.type) {
      case 'rect': {
        const paint = this.paint(item.fill, item.stroke, item.strokeWidthMm, 1, null, false);
        this.parts.push('q', paint.before, `${this.x(item.x)} ${this.y(item.y + item.height)} ${number(item.width * POINTS_PER_MM)} ${number(item.height * POINTS_PER_MM)} re ${paint.op}`, 'Q');
        return;
      }
      case 'circle': {
        const paint = this.paint(item.fill, item.stroke, item.strokeWidthMm, 1, null, false);
        const k = item.r * KAPPA;
        const { cx, cy, r } = item;
        const p = (mx: number, my: number) => `${this.x(mx)} ${this.y(my)}`;
        this.parts.push(
          'q',
          paint.before,
          `${p(cx + r, cy)} m ${p(cx + r, cy + k)} ${p(cx + k, cy + r)} ${p(cx, cy + r)} c ${p(cx - k, cy + r)} ${p(cx - r, cy + k)} ${p(cx - r, cy)} c ${p(cx - r, cy - k)} ${p(cx - k, cy - r)} ${p(cx, cy - r)} c ${p(cx + k, cy - r)} ${p(cx + r, cy - k)} ${p(cx + r, cy)} c h ${paint.op}`,
          'Q',
        );
        return;
      }
      case 'line': {
        const paint = this.paint(null, item.stroke, item.widthMm, 1, item.dashMm, false);
        this.parts.push('q', paint.before, `${this.x(item.x1)} ${this.y(item.y1)} m ${this.x(item.x2)} ${this.y(item.y2)} l S`, 'Q');
        return;
      }
      case 'polygon': {
        const paint = this.paint(item.fill, item.stroke, item.strokeWidthMm, 1, null, false);
        const path = item.points.map(([px, py], i) => `${this.x(px)} ${this.y(py)} ${i === 0 ? 'm' : 'l'}`).join(' ');
        this.parts.push('q', paint.before, `${path} h ${paint.op}`, 'Q');
        return;
      }
      case 'path': {
        const paint = this.paint(item.fill, item.stroke, item.strokeWidthMm, item.opacity, item.dashMm, true);
        const out: string[] = ['q', '1 j 1 J', paint.before];
        for (const ring of item.rings) {
          let line = '';
          for (let i = 0; i < ring.length; i += 2) line += `${this.x(ring[i])} ${this.y(ring[i + 1])} ${i === 0 ? 'm' : 'l'} `;
          out.push(item.closed ? `${line}h` : line);
        }
        out.push(paint.op, 'Q');
        this.parts.push(out.join('\n'));
        return;
      }
      default:
        throw new Error(`${item.type} is not drawn as a vector path`);
    }
  }

  /** The white outline of a label's glyphs, laid out exactly as the text operator will set them. */
  addHalo(item: Extract<PrintItem, { type: 'text' }>, face: FontkitFont): void {
    if (!item.halo) return;
    const run = face.layout(item.text);
    const scale = item.sizePt / face.unitsPerEm;
    const width = run.positions.reduce((sum, position) => sum + position.xAdvance, 0) * scale;
    let penX = item.x * POINTS_PER_MM - (item.anchor === 'middle' ? width / 2 : item.anchor === 'end' ? width : 0);
    const baseY = (this.pageHeightMm - item.y) * POINTS_PER_MM;
    let cache = this.glyphCache.get(face);
    if (!cache) this.glyphCache.set(face, (cache = new Map()));
    const out: string[] = ['q', colorOperator(item.halo.color, 'RG'), `${number(item.halo.widthMm * 2 * POINTS_PER_MM)} w 1 j 1 J [] 0 d`];
    run.glyphs.forEach((glyph, index) => {
      let commands = cache.get(glyph.id);
      // NOTE: fontkit's Path keeps its drawing commands in `commands` (not in its type declarations).
      if (!commands) cache.set(glyph.id, (commands = (glyph.path as unknown as { commands: GlyphCommand[] }).commands.map((command) => ({ command: command.command, args: [...command.args] }))));
      const position = run.positions[index];
      const ox = penX + position.xOffset * scale;
      const oy = baseY + position.yOffset * scale;
      const point = (gx: number, gy: number) => `${number(ox + gx * scale)} ${number(oy + gy * scale)}`;
      let lastX = 0;
      let lastY = 0;
      for (const { command, args } of commands) {
        if (command === 'moveTo') out.push(`${point(args[0], args[1])} m`);
        else if (command === 'lineTo') out.push(`${point(args[0], args[1])} l`);
        else if (command === 'quadraticCurveTo') {
          // A TrueType quadratic as the cubic through the same control polygon.
          const [qx, qy, x, y] = args;
          out.push(`${point(lastX + (2 / 3) * (qx - lastX), lastY + (2 / 3) * (qy - lastY))} ${point(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y))} ${point(x, y)} c`);
        } else if (command === 'bezierCurveTo') out.push(`${point(args[0], args[1])} ${point(args[2], args[3])} ${point(args[4], args[5])} c`);
        else if (command === 'closePath') out.push('h');
        if (args.length >= 2) {
          lastX = args[args.length - 2];
          lastY = args[args.length - 1];
        }
      }
      penX += position.xAdvance * scale;
    });
    out.push('S', 'Q');
    this.parts.push(out.join('\n'));
  }

  /** The operators so far, and a fresh start. */
  take(): string {
    const text = this.parts.join('\n');
    this.parts = [];
    return text;
  }
}

/** The ExtGState name of a fill opacity (`Ga72` for 0.72). */
export function opacityName(opacity: number): string {
  return `Ga${Math.round(opacity * 100)}`;
}
