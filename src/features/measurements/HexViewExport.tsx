import { useState } from 'react';
import { useT } from '../../i18n/use-t';
import { useMeasurementsStore } from '../../state/measurements-store';
import { fetchHexView } from '../../state/run-evidence';
import { useUiStore } from '../../state/ui-store';
import { downloadFile } from '../download-file';

/**
 * The chosen layer on H3 hexagons as a GeoJSON file (covered share, households, tests and their
 * agreement per hexagon; `measured: false` where no test lies), as the map's H3 view shows it.
 */
export function HexViewExport({ isDemo }: { isDemo: boolean }) {
  const t = useT();
  const layer = useUiStore((state) => state.layer);
  const resolution = useMeasurementsStore((state) => state.rules.h3Resolution);
  const [state, setState] = useState<'idle' | 'running' | 'failed'>('idle');
  const run = async () => {
    setState('running');
    const collection = await fetchHexView(resolution).catch(() => null);
    if (collection === null) return setState('failed');
    downloadFile(JSON.stringify(isDemo ? { ...collection, demo: true } : collection), `luoi-h3-${layer}-cap-${resolution}${isDemo ? '-minh-hoa' : ''}.geojson`, 'application/geo+json');
    setState('idle');
  };
  return (
    <>
      <button type="button" data-testid="evidence-export-hexagons" disabled={state === 'running'} onClick={() => void run()}>
        {t('evidence.exportHexagons')}
      </button>
      {state === 'failed' && <span role="status">{t('evidence.exportHexagonsFailed')}</span>}
    </>
  );
}
