import { PRINT_FONT_FAMILY, type PrintItem, type PrintPage } from './print-page';

/** Draws one page on a 2D canvas at `dpi` (the PNG export); images are decoded bitmaps by id. */
export function drawPageOnCanvas(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, page: PrintPage, dpi: number, bitmaps: Map<string, CanvasImageSource>): void {
  const px = dpi / 25.4;
  context.save();
  context.fillStyle = '#FFFFFF';
  context.fillRect(0, 0, page.widthMm * px, page.heightMm * px);
  context.scale(px, px);
  for (const item of page.items) drawItem(context, item, bitmaps);
  context.restore();
}

function drawItem(context: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D, item: PrintItem, bitmaps: Map<string, CanvasImageSource>): void {
  switch (item.type) {
    case 'text':
      context.font = `${item.isBold ? 700 : 400} ${item.sizePt * (25.4 / 72)}px "${PRINT_FONT_FAMILY}"`;
      context.fillStyle = item.color;
      context.textAlign = item.anchor === 'middle' ? 'center' : item.anchor === 'end' ? 'right' : 'left';
      context.textBaseline = 'alphabetic';
      if (item.halo) {
        context.strokeStyle = item.halo.color;
        context.lineWidth = item.halo.widthMm * 2;
        context.lineJoin = 'round';
        context.strokeText(item.text, item.x, item.y);
      }
      context.fillText(item.text, item.x, item.y);
      return;
    case 'path': {
      const path = new Path2D();
      for (const ring of item.rings) {
        for (let i = 0; i < ring.length; i += 2) {
          if (i === 0) path.moveTo(ring[i], ring[i + 1]);
          else path.lineTo(ring[i], ring[i + 1]);
        }
        if (item.closed) path.closePath();
      }
      context.globalAlpha = item.opacity;
      if (item.fill) {
        context.fillStyle = item.fill;
        context.fill(path, 'evenodd');
      }
      if (item.stroke) {
        context.strokeStyle = item.stroke;
        context.lineWidth = item.strokeWidthMm;
        context.lineJoin = 'round';
        context.setLineDash(item.dashMm ?? []);
        context.stroke(path);
        context.setLineDash([]);
      }
      context.globalAlpha = 1;
      return;
    }
    case 'group':
      context.save();
      context.beginPath();
      context.rect(item.clip.x, item.clip.y, item.clip.width, item.clip.height);
      context.clip();
      for (const child of item.items) drawItem(context, child, bitmaps);
      context.restore();
      return;
    case 'rect':
      if (item.fill) {
        context.fillStyle = item.fill;
        context.fillRect(item.x, item.y, item.width, item.height);
      }
      if (item.stroke) {
        context.strokeStyle = item.stroke;
        context.lineWidth = item.strokeWidthMm;
        context.strokeRect(item.x, item.y, item.width, item.height);
      }
      return;
    case 'circle':
      context.beginPath();
      context.arc(item.cx, item.cy, item.r, 0, 2 * Math.PI);
      if (item.fill) {
        context.fillStyle = item.fill;
        context.fill();
      }
      if (item.stroke) {
        context.strokeStyle = item.stroke;
        context.lineWidth = item.strokeWidthMm;
        context.stroke();
      }
      return;
    case 'line':
      context.beginPath();
      context.setLineDash(item.dashMm ?? []);
      context.moveTo(item.x1, item.y1);
      context.lineTo(item.x2, item.y2);
      context.strokeStyle = item.stroke;
      context.lineWidth = item.widthMm;
      context.stroke();
      context.setLineDash([]);
      return;
    case 'polygon':
      context.beginPath();
      item.points.forEach(([x, y], i) => (i === 0 ? context.moveTo(x, y) : context.lineTo(x, y)));
      context.closePath();
      context.fillStyle = item.fill;
      context.fill();
      if (item.stroke) {
        context.strokeStyle = item.stroke;
        context.lineWidth = item.strokeWidthMm;
        context.stroke();
      }
      return;
    case 'image': {
      const bitmap = bitmaps.get(item.imageId);
      if (bitmap) context.drawImage(bitmap, item.x, item.y, item.width, item.height);
    }
  }
}

/** One page as a PNG at `dpi`. */
export async function renderPagePng(page: PrintPage, dpi: number, images: Map<string, Blob>): Promise<Blob> {
  const bitmaps = new Map<string, CanvasImageSource>();
  for (const [id, blob] of images) bitmaps.set(id, await createImageBitmap(blob));
  const canvas = new OffscreenCanvas(Math.round((page.widthMm * dpi) / 25.4), Math.round((page.heightMm * dpi) / 25.4));
  drawPageOnCanvas(canvas.getContext('2d')!, page, dpi, bitmaps);
  return canvas.convertToBlob({ type: 'image/png' });
}
