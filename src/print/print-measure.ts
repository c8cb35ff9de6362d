import fontkit from '@pdf-lib/fontkit';
import type { MeasureText } from './print-page';

/** Builds the text measure of the two faces (width in mm at a size in points). */
export function createMeasure(regular: Uint8Array, bold: Uint8Array): MeasureText {
  const faces = { regular: fontkit.create(regular), bold: fontkit.create(bold) };
  const cache = new Map<string, number>();
  return (text, sizePt, isBold) => {
    const key = `${isBold ? 'b' : 'r'}${text}`;
    let units = cache.get(key);
    if (units === undefined) {
      const face = isBold ? faces.bold : faces.regular;
      units = face.layout(text).advanceWidth / face.unitsPerEm;
      cache.set(key, units);
    }
    return units * sizePt * (25.4 / 72);
  };
}
