// Pixel counts on a rasterised print page (pdftoppm's PNG), shared by the print tests.
import type { PNG } from 'pngjs';
import { computePageFrames } from '../../src/print/layout-page';

/**
 * Pixels of the map frame of an A4 landscape page rasterised at `dpi` within `distance` (sum of channel
 * differences) of `rgb`.
 */
export function countMapColor(png: PNG, dpi: number, rgb: readonly number[], distance = 40): number {
  const { map } = computePageFrames('A4', 'landscape');
  const px = dpi / 25.4;
  let count = 0;
  for (let y = Math.ceil(map.y * px); y < Math.floor((map.y + map.height) * px); y++) {
    for (let x = Math.ceil(map.x * px); x < Math.floor((map.x + map.width) * px); x++) {
      const i = (y * png.width + x) * 4;
      if (Math.abs(png.data[i] - rgb[0]) + Math.abs(png.data[i + 1] - rgb[1]) + Math.abs(png.data[i + 2] - rgb[2]) < distance) count++;
    }
  }
  return count;
}
