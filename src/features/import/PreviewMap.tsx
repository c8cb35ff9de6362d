import { useMemo } from 'react';
import type { ParsedInputBytes } from '../../core';
import { useT } from '../../i18n/use-t';
import { useDatasetStore } from '../../state/dataset-store';
import { buildPreviewDrawing } from './preview-geometry';

const WIDTH = 300;
const HEIGHT = 200;

/** A small drawing of the parsed layer (orange) over the hamlets in use (grey), before it is committed. */
export function PreviewMap({ parsed }: { parsed: ParsedInputBytes }) {
  const t = useT();
  const reference = useDatasetStore((state) => state.hamlets);
  const drawing = useMemo(() => buildPreviewDrawing(parsed.input, reference, WIDTH, HEIGHT), [parsed, reference]);
  return (
    <figure className="import-preview">
      <svg width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={t('import.preview')} data-testid="import-preview">
        <rect width={WIDTH} height={HEIGHT} fill="#eef2f0" />
        <path d={drawing.referencePath} fill="#d9d9d9" stroke="#9a9a9a" strokeWidth={0.5} />
        <path d={drawing.layerPath} fill="rgba(230, 97, 1, 0.35)" stroke="#e66101" strokeWidth={1.2} />
        {drawing.points.map(([x, y], index) => (
          <circle key={index} cx={x} cy={y} r={2.5} fill="#e66101" stroke="#fff" strokeWidth={0.5} />
        ))}
      </svg>
      <figcaption>{t('import.previewCaption')}</figcaption>
    </figure>
  );
}
