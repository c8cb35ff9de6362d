import boldUrl from '@expo-google-fonts/be-vietnam-pro/700Bold/BeVietnamPro_700Bold.ttf?url';
import regularUrl from '@expo-google-fonts/be-vietnam-pro/400Regular/BeVietnamPro_400Regular.ttf?url';
import { PRINT_FONT_FAMILY, type MeasureText } from './print-page';
import { createMeasure } from './print-measure';

export { createMeasure };


export interface PrintFonts {
  regular: Uint8Array;
  bold: Uint8Array;
  measure: MeasureText;
}

let loading: Promise<PrintFonts> | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Fetches the two faces from the app's own origin once, and registers them for canvas and SVG text. */
export function loadPrintFonts(): Promise<PrintFonts> {
  loading ??= (async () => {
    const [regular, bold] = await Promise.all([fetchBytes(regularUrl), fetchBytes(boldUrl)]);
    if (typeof document !== 'undefined' && 'fonts' in document) {
      const faces = [new FontFace(PRINT_FONT_FAMILY, regular.slice().buffer, { weight: '400' }), new FontFace(PRINT_FONT_FAMILY, bold.slice().buffer, { weight: '700' })];
      for (const face of faces) document.fonts.add(await face.load());
    }
    return { regular, bold, measure: createMeasure(regular, bold) };
  })();
  loading.catch(() => (loading = null));
  return loading;
}
