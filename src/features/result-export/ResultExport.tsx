import { useState } from 'react';
import { zipSync } from 'fflate';
import { resolveCrs } from '../../core';
import type { ResultExportFormat } from '../../formats/write-result-files';
import type { ExportLayer } from '../../formats/write-gis-exports';
import { formatPercent } from '../../i18n/format';
import { useLocale, useT } from '../../i18n/use-t';
import { useAnalysisStore } from '../../state/analysis-store';
import { selectIsDemo, useDatasetStore } from '../../state/dataset-store';
import { selectRankedProposals, useProposalsStore } from '../../state/proposals-store';
import { buildProposalExportItems } from '../site-proposals/export-proposals';
import { exportResultsInWorker } from '../../worker/client';
import { downloadFile } from '../download-file';

const FORMATS: { format: ResultExportFormat; mime: string }[] = [
  { format: 'gpkg', mime: 'application/geopackage+sqlite3' },
  { format: 'shp', mime: 'application/zip' },
  { format: 'tab', mime: 'application/zip' },
  { format: 'kml', mime: 'application/vnd.google-earth.kml+xml' },
  { format: 'xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
];

/** Systems the GIS files may be written in: WGS 84, or VN-2000 in the province's TM-3 zone (Sóc Trăng: 105°30'). */
const SYSTEMS = ['wgs84', 'vn2000-tm:105.5'] as const;
type SystemChoice = (typeof SYSTEMS)[number];

const LAYERS: ExportLayer[] = ['hamlets', 'sites', 'proposals'];
/** Each layer's file name, before the demo and system marks. */
const BASE_NAMES: Record<ExportLayer, string> = { hamlets: 'ket-qua-ap-khom', sites: 'tram-bts', proposals: 'de-xuat-tram' };

type Status = { kind: 'idle' } | { kind: 'loading'; share: number | null } | { kind: 'writing' } | { kind: 'done'; fileName: string } | { kind: 'failed' };

/**
 * The results as a file for GIS or Excel: every hamlet's coverage, the BTS sites or the proposed sites
 * as GeoPackage, zipped Shapefile, MapInfo TAB (zipped with its companions) or KML, in WGS 84 or
 * VN-2000; or a real .xlsx holding every layer (one sheet each). Written in the import worker, where
 * GDAL is loaded on first use (with progress), so nothing leaves the machine.
 */
export function ResultExport() {
  const t = useT();
  const locale = useLocale();
  const report = useAnalysisStore((state) => state.report);
  const isDemo = useDatasetStore(selectIsDemo);
  const [format, setFormat] = useState<ResultExportFormat>('gpkg');
  const [system, setSystem] = useState<SystemChoice>('wgs84');
  const [layer, setLayer] = useState<ExportLayer>('hamlets');
  const proposalCount = useProposalsStore((state) => state.proposals.length);
  const siteCount = useDatasetStore((state) => state.btsRecords.length);
  const isWorkbook = format === 'xlsx';
  const chosenLayer: ExportLayer = isWorkbook || (layer === 'proposals' && proposalCount === 0) || (layer === 'sites' && siteCount === 0) ? 'hamlets' : layer;
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const isBusy = status.kind === 'loading' || status.kind === 'writing';
  const usesSystem = format !== 'xlsx' && format !== 'kml';

  const run = async () => {
    if (report === null) return;
    setStatus({ kind: 'writing' });
    try {
      const targetProj4 = usesSystem && system !== 'wgs84' ? resolveCrs(system).proj4 : undefined;
      const proposals = buildProposalExportItems(selectRankedProposals(useProposalsStore.getState()), locale);
      const dataset = useDatasetStore.getState();
      const { files } = await exportResultsInWorker(
        {
          format,
          layer: chosenLayer,
          hamlets: dataset.hamlets,
          results: report.hamlets,
          sites: { records: dataset.btsRecords, sites: report.sites },
          proposals,
          ...(targetProj4 === undefined ? {} : { targetProj4 }),
          language: locale === 'vi' ? 'vi' : 'en',
        },
        (loaded, total) => setStatus(loaded >= total && total > 0 ? { kind: 'writing' } : { kind: 'loading', share: total > 0 ? loaded / total : null }),
      );
      const base = `${BASE_NAMES[chosenLayer]}${isDemo ? '-minh-hoa' : ''}${usesSystem && system !== 'wgs84' ? '-vn2000' : ''}`;
      const mime = FORMATS.find((item) => item.format === format)?.mime ?? 'application/octet-stream';
      // One download: a TAB and its companions go together in a zip.
      const isBundle = files.length > 1;
      const extension = isBundle || format === 'shp' ? '.zip' : (files[0]?.name.match(/\.[^.]+$/)?.[0] ?? '');
      const fileName = `${base}${format === 'shp' ? '-shp' : format === 'tab' ? '-tab' : ''}${extension}`;
      const bytes = isBundle ? zipSync(Object.fromEntries(files.map((file) => [file.name.replace(/^(hamlets|sites|proposals)/, base), file.bytes]))) : files[0].bytes;
      downloadFile(bytes, fileName, isBundle ? 'application/zip' : mime);
      setStatus({ kind: 'done', fileName });
    } catch (error) {
      console.error(error);
      setStatus({ kind: 'failed' });
    }
  };

  return (
    <details className="result-export" data-testid="result-export">
      <summary>{t('export.title')}</summary>
      <div className="filter-grid">
        <label className="field">
          <span>{t('export.format')}</span>
          <select data-testid="result-export-format" value={format} disabled={isBusy} onChange={(event) => setFormat(event.target.value as ResultExportFormat)}>
            {FORMATS.map((item) => <option key={item.format} value={item.format}>{t(`export.format.${item.format}`)}</option>)}
          </select>
        </label>
        <label className="field">
          <span>{t('export.layer')}</span>
          <select data-testid="result-export-layer" value={isWorkbook ? 'all' : chosenLayer} disabled={isBusy || isWorkbook} onChange={(event) => setLayer(event.target.value as ExportLayer)}>
            {isWorkbook && <option value="all">{t('export.layer.all')}</option>}
            {LAYERS.map((item) => (
              <option key={item} value={item} disabled={(item === 'proposals' && proposalCount === 0) || (item === 'sites' && siteCount === 0)}>
                {t(`export.layer.${item}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('export.system')}</span>
          <select data-testid="result-export-system" value={usesSystem ? system : 'wgs84'} disabled={isBusy || !usesSystem} onChange={(event) => setSystem(event.target.value as SystemChoice)}>
            {SYSTEMS.map((item) => <option key={item} value={item}>{t(item === 'wgs84' ? 'export.system.wgs84' : 'export.system.vn2000')}</option>)}
          </select>
        </label>
      </div>
      <div className="button-row">
        <button type="button" data-testid="result-export-run" disabled={isBusy || report === null} onClick={() => void run()}>
          {t('export.run')}
        </button>
        <span role="status" data-testid="result-export-status" data-state={status.kind}>
          {status.kind === 'loading' ? t('export.loading', { percent: status.share === null ? '' : formatPercent(status.share, locale) }) : status.kind === 'writing' ? t('export.writing') : status.kind === 'done' ? t('export.done', { file: status.fileName }) : status.kind === 'failed' ? t('export.failed') : ''}
        </span>
      </div>
    </details>
  );
}
