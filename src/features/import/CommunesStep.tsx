import { formatNumber } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useDatasetStore } from '../../state/dataset-store';
import { FilePickButton } from '../FilePickButton';
import type { HamletListReading } from './approximate-import';
import { groupPickedFiles, IMPORT_ACCEPT } from './import-file';

export interface CommunesStepProps {
  fileName: string;
  reading: HamletListReading;
  /** A file: with the files picked with it (a MapInfo table's .dat, .map, .id). */
  onApply(source: { kind: 'file'; file: File; companions: File[] } | { kind: 'layer'; label: string }): void;
  onCancel(): void;
}

/**
 * A hamlet list without polygons was picked: it needs commune polygons to build approximate hamlets
 * from, from a file (any polygon format the import reads) or the hamlet layer already loaded (a commune
 * layer imported as hamlets), when that is a layer of real polygons.
 */
export function CommunesStep({ fileName, reading, onApply, onCancel }: CommunesStepProps) {
  const t = useT();
  const locale = useLocale();
  const layerCount = useDatasetStore((state) => (state.hamlets.some((hamlet) => hamlet.approximate === true) ? 0 : state.hamlets.length));
  return (
    <section className="import-review" data-testid="import-communes" aria-labelledby="import-communes-title">
      <h3 id="import-communes-title">{t('approx.communesLayer')}</h3>
      <p>{t('approx.communesNeeded', { file: fileName, count: formatNumber(reading.list.rowsUsed, locale), points: formatNumber(reading.pointCount, locale) })}</p>
      <div className="button-row">
        <FilePickButton
          className="primary"
          accept={IMPORT_ACCEPT}
          multiple
          testId="communes-pick"
          inputTestId="communes-file"
          onFiles={(files) => void groupPickedFiles(files).then((picked) => picked && onApply({ kind: 'file', file: picked.main, companions: picked.companions }))}
        >
          {t('approx.communesPick')}
        </FilePickButton>
        {layerCount > 0 && (
          <button type="button" data-testid="communes-use-layer" onClick={() => onApply({ kind: 'layer', label: t('dataset.hamlets') })}>
            {t('approx.communesUseLayer', { count: formatNumber(layerCount, locale) })}
          </button>
        )}
        <button type="button" onClick={onCancel}>{t('import.cancel')}</button>
      </div>
    </section>
  );
}
